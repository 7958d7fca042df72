/**
 * Metrics of a network on windows ({@link studio.rondo.engine.eval.WindowEvaluator}): loss per head,
 * top-1/top-5 accuracy and NLL per event of the main categorical head, and the baselines
 * "repeat the previous step" and the training corpus's unigram, all on the same windows.
 */
package studio.rondo.engine.eval;
