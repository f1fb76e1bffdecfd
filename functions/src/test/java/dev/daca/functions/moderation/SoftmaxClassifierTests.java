package dev.daca.functions.moderation;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SoftmaxClassifierTests {

	@Test
	void separatesThreeClustersAndGivesProbabilities() {
		Random random = new Random(7);
		int n = 150;
		double[][] x = new double[n][];
		int[] y = new int[n];
		double[][] centres = { { 3, 0, 0, 0 }, { 0, 3, 0, 0 }, { 0, 0, 3, 0 } };
		for (int i = 0; i < n; i++) {
			y[i] = i % 3;
			x[i] = new double[4];
			for (int j = 0; j < 4; j++) {
				x[i][j] = centres[y[i]][j] + random.nextGaussian();
			}
		}
		SoftmaxClassifier classifier = SoftmaxClassifier.train(x, y, 3, SoftmaxClassifier.Settings.defaults());
		assertThat(classifier.crossValidatedAccuracy()).isGreaterThan(0.85);
		double[] p = classifier.probabilities(new double[] { 0, 0, 4, 0 });
		assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-9));
		assertThat(SoftmaxClassifier.argmax(p)).isEqualTo(2);
		assertThat(p[2]).isGreaterThan(0.9);
	}

	@Test
	void temperatureSoftensOverconfidentLogitsOnNoisyLabels() {
		Random random = new Random(11);
		int n = 400;
		double[][] logits = new double[n][];
		int[] y = new int[n];
		for (int i = 0; i < n; i++) {
			int predicted = i % 2;
			y[i] = random.nextDouble() < 0.7 ? predicted : 1 - predicted;
			logits[i] = predicted == 0 ? new double[] { 10, 0 } : new double[] { 0, 10 };
		}
		double temperature = SoftmaxClassifier.fitTemperature(logits, y);
		double confidence = SoftmaxClassifier.softmax(logits[0], temperature)[0];
		assertThat(temperature).isGreaterThan(1);
		assertThat(confidence).isCloseTo(0.7, within(0.05));
	}
}
