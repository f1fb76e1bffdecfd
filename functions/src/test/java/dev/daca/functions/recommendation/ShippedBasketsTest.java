package dev.daca.functions.recommendation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped baskets are exactly the documented generator's output (regenerate with -Dregenerate.baskets=true). */
class ShippedBasketsTest {

	private static final Path SHIPPED = Path.of("src/main/resources", ShippedData.BASKETS);

	@Test
	void shippedBasketsAreTheGeneratorsOutput() throws IOException {
		String generated = new SyntheticBaskets(ShippedData.catalog()).shippedFile();
		if (Boolean.getBoolean("regenerate.baskets")) {
			Files.writeString(SHIPPED, generated, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(SHIPPED, StandardCharsets.UTF_8)).isEqualTo(generated);
		assertThat(ShippedData.baskets()).hasSize(SyntheticBaskets.SHIPPED_COUNT);
	}

	@Test
	void everyBasketedProductIsInTheCatalog() {
		var ids = ShippedData.catalog().stream().map(Product::id).toList();
		assertThat(ShippedData.baskets()).allSatisfy(b -> assertThat(ids).containsAll(b));
	}
}
