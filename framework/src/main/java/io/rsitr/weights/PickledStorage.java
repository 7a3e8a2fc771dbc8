package io.rsitr.weights;

/**
 * Reference from {@code data.pkl} to a raw storage file {@code <archive>/data/<key>} of a PyTorch
 * zip checkpoint; {@code elementCount} counts elements of {@code dtype}, not bytes.
 */
record PickledStorage(DType dtype, String key, long elementCount) {}
