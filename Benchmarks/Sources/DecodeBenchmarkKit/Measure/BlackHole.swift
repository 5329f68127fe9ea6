/// Consumes a decoded value so the optimizer cannot drop the decode that produced it.
@inline(never)
@_optimize(none)
package func blackHole<T>(_ value: T) {}
