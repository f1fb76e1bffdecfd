/**
 * The people side of DACA: where outcomes a review policy sends to a person wait for a decision. {@code inbox} keeps
 * the review requests; the reviewer's web page builds on it.
 */
package dev.daca.hitl;
