package io.rsitr.weights;

/**
 * Tensor as {@code torch._utils._rebuild_tensor_v2} describes it: a view of a storage. Offset and
 * strides count elements. Several tensors may view one storage.
 */
record PickledTensor(PickledStorage storage, long storageOffset, long[] shape, long[] stride) {}
