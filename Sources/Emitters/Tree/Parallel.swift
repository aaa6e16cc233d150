import Dispatch
import Foundation

/// Work spread over the machine's cores with results in input order, so
/// output never depends on which thread finished first. A fleet's hosts are
/// rendered, hashed and written independently of each other; one core did it
/// all while the others idled.
public enum Parallel {
    /// `items.map(transform)`, computed on every core in chunks of at least
    /// `chunk` items (small inputs stay on the calling thread). `transform`
    /// must not touch shared mutable state.
    public static func map<T, R>(_ items: [T], chunk: Int = 32, _ transform: (T) -> R) -> [R] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, items.count >= 2 * chunk else { return items.map(transform) }
        if chunk == 1 {
            // One item per task, e.g. jobs of very different sizes.
            var results = [R?](repeating: nil, count: items.count)
            results.withUnsafeMutableBufferPointer { out in
                DispatchQueue.concurrentPerform(iterations: items.count) { out[$0] = transform(items[$0]) }
            }
            return results.map { $0! }
        }
        // Many chunks, so a core that finishes early takes another.
        let chunks = items.count / chunk
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                // Each chunk writes only its own slots.
                let range = (items.count * c / chunks)..<(items.count * (c + 1) / chunks)
                for i in range { out[i] = transform(items[i]) }
            }
        }
        return results.map { $0! }
    }
}
