package dev.daca.bindings.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The single-fire lock on a shared H2 file database (the embedded default's store). */
class SingleFireLockTests extends SingleFireLockContract {

	@Override
	List<String> database() throws Exception {
		Path dir = Files.createTempDirectory("daca-lock");
		return List.of("spring.datasource.url=jdbc:h2:file:" + dir.resolve("db")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"spring.datasource.username=sa", "spring.datasource.password=");
	}
}
