/**
 * The pipeline's implementation, {@link ai.clouvel.core.pipeline.internal.PipelineEngine}, and the
 * parts it is wired from. Not exported: users reach it through
 * {@link ai.clouvel.core.pipeline.ProductPipeline}.
 */
package ai.clouvel.core.pipeline.internal;
