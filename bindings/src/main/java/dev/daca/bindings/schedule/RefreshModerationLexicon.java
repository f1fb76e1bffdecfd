package dev.daca.bindings.schedule;

import java.io.InputStream;
import java.util.Map;

import dev.daca.functions.moderation.Classify;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Nightly: reloads the moderation lexicon {@code classify} uses from {@code daca.moderation.lexicon-source} (a file
 * path, {@code file:}, {@code classpath:} or {@code http(s):} URL), without a restart. A broken source fails the run
 * and the current lexicon stays. Without a configured source the run fails with that message (nothing to refresh is
 * a configuration error, not a success).
 */
@Component
class RefreshModerationLexicon implements ScheduledJob {

	private final Classify classify;

	private final ResourceLoader resources;

	private final String source;

	RefreshModerationLexicon(Classify classify, ResourceLoader resources,
			@Value("${daca.moderation.lexicon-source:}") String source) {
		this.classify = classify;
		this.resources = resources;
		this.source = source;
	}

	@Override
	public String name() {
		return "refresh-moderation-lexicon";
	}

	@Override
	public JobReport run() throws Exception {
		if (source.isBlank()) {
			throw new IllegalStateException("daca.moderation.lexicon-source is not set: nothing to refresh from");
		}
		Resource resource = resources.getResource(source.contains(":") ? source : "file:" + source);
		Classify.LexiconSize size;
		try (InputStream in = resource.getInputStream()) {
			size = classify.reloadLexicon(source, in);
		}
		return new JobReport(Map.of("rules", (long) size.rules(), "cues", (long) size.cues(), "defers",
				(long) size.defers()), "lexicon reloaded from " + source);
	}
}
