package dev.daca.functions.review;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What the review gate decided for one outcome: a person must look ({@link ReviewRequest}) or not ({@link NoReview}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "routing")
@JsonSubTypes({ @JsonSubTypes.Type(value = ReviewRequest.class, name = "review"),
		@JsonSubTypes.Type(value = NoReview.class, name = "automatic") })
public sealed interface ReviewRouting permits ReviewRequest, NoReview {

	String function();

	String subjectId();
}
