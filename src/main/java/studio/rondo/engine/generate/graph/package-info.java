/**
 * Batch-1 stepping of any supported DL4J graph for generation: {@link
 * studio.rondo.engine.generate.graph.StepGraph} compiles a network's vertices (subsets, merges, embedding,
 * LSTMs in chains or parallel branches, last time step, dense, batch norm, dropout, output heads) into
 * small ops run one time step at a time on the studio's kernels (package engine.lstm), without ND4J.
 * Pure engine code: no JavaFX.
 */
package studio.rondo.engine.generate.graph;
