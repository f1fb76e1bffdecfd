package dev.daca.workflows;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

import dev.daca.functions.home.HomePlan;
import dev.daca.functions.moderation.ModerationVerdict;
import dev.daca.functions.recommendation.Recommendations;
import dev.daca.functions.triage.TriageAssessment;

/**
 * Workflow and activity payloads as the Dapr SDK's own Jackson mapper reads them. That mapper is built with
 * {@code findAndAddModules()}, i.e. with every Jackson module listed in {@code META-INF/services} on the classpath
 * (not Spring's), and this module is listed there too. It does two things:
 * <ul>
 * <li>registers the outcome subtypes, so an {@code Outcome} or a {@code ReviewRequest} can cross an activity
 * boundary;</li>
 * <li>keeps untyped values ({@code Map<String, Object>} parameters of a proposed action) plain Java lists and maps.
 * Kafka's jars bring jackson-module-scala, whose untyped deserializer turns JSON arrays into Scala collections: a
 * proposed action would then no longer hash to what the reviewer approved.</li>
 * </ul>
 */
public class WorkflowPayloads extends SimpleModule {

	public WorkflowPayloads() {
		super("daca-workflow-payloads");
		registerSubtypes(new NamedType(ModerationVerdict.class, ModerationVerdict.FUNCTION),
				new NamedType(TriageAssessment.class, TriageAssessment.FUNCTION),
				new NamedType(HomePlan.class, HomePlan.FUNCTION),
				new NamedType(Recommendations.class, Recommendations.FUNCTION));
		setDeserializerModifier(new PlainUntypedValues());
	}

	/** Applied after any module's deserializer is chosen, so it wins whatever order the modules load in. */
	private static final class PlainUntypedValues extends BeanDeserializerModifier {

		@Override
		public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
				JsonDeserializer<?> deserializer) {
			return description.getBeanClass() == Object.class ? new UntypedObjectDeserializer() : deserializer;
		}
	}
}
