/**
 * Fakes and recorders of every port, for tests of code built on Clouvel: each fake answers at once,
 * records what it was asked, and can be told to fail its next call
 * ({@code failNext(new RateLimitedException(...))}). Pipeline ports: {@link
 * ai.clouvel.test.fakes.FakeContentSource}, {@link ai.clouvel.test.fakes.FakeCommentSummarizer},
 * {@link ai.clouvel.test.fakes.FakeIdeaGenerator}, {@link ai.clouvel.test.fakes.FakeImageGenerator},
 * {@link ai.clouvel.test.fakes.RecordingImageStamper}, {@link ai.clouvel.test.fakes.FakeImageHost},
 * {@link ai.clouvel.test.fakes.FakeProductPublisher}, {@link ai.clouvel.test.fakes.FakePaymentGateway};
 * supporting ports: {@link ai.clouvel.test.fakes.RecordingEventBus},
 * {@link ai.clouvel.test.fakes.RecordingCommunityPublisher},
 * {@link ai.clouvel.test.fakes.RecordingCallListener}; and for any other port, a store or a
 * repository included, {@link ai.clouvel.test.fakes.CallRecorder}, which records every call made
 * through an interface to a real implementation (for a catalog, Clouvel's own
 * {@link ai.clouvel.core.store.InMemoryCatalogStore}).
 */
package ai.clouvel.test.fakes;
