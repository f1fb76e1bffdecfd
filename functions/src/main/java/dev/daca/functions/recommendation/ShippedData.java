package dev.daca.functions.recommendation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the shipped, pipe-separated data files under {@code recommendation/} on the classpath. */
final class ShippedData {

	static final String CATALOG = "recommendation/catalog.psv";

	static final String BASKETS = "recommendation/baskets.psv";

	private ShippedData() {
	}

	/** The shipped catalog. */
	static List<Product> catalog() {
		return rows(CATALOG).stream()
			.map(r -> new Product(r[0], r[1], r[2], r[5], new BigDecimal(r[3]), Double.valueOf(r[4])))
			.toList();
	}

	/** The shipped anonymous baskets: each a list of product ids bought together. */
	static List<List<String>> baskets() {
		return rows(BASKETS).stream().map(r -> Arrays.asList(r[1].trim().split("\\s+"))).toList();
	}

	/** Non-blank, non-comment lines split on '|'. */
	static List<String[]> rows(String resource) {
		InputStream in = ShippedData.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("missing classpath resource " + resource);
		}
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					rows.add(line.split("\\|", -1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}
}
