//! A small order-preserving parallel map over a slice, on the available cores (std threads).
//! Work is handed out a few items at a time from a shared counter, so that one slow item or a
//! descheduled thread does not leave the other cores idle.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many items a worker takes at a time.
const BATCH: usize = 4;

/// `items.iter().map(f).collect()`, spread over the available cores; the order is kept.
pub fn map<'t, T: Sync, R: Send>(items: &'t [T], f: impl Fn(&'t T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads <= 1 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done: Vec<(usize, R)> = Vec::new();
        loop {
            let start = next.fetch_add(BATCH, Ordering::Relaxed);
            if start >= items.len() {
                break;
            }
            let end = (start + BATCH).min(items.len());
            done.extend((start..end).map(|i| (i, f(&items[i]))));
        }
        done
    };
    let parts: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        // This thread works too; the others join it.
        let handles: Vec<_> = (1..threads.min(items.len()))
            .map(|_| scope.spawn(work))
            .collect();
        let mut parts = vec![work()];
        for h in handles {
            match h.join() {
                Ok(part) => parts.push(part),
                // A panic in a worker is a bug; it surfaces here as it would without threads.
                Err(payload) => std::panic::resume_unwind(payload),
            }
        }
        parts
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (i, r) in parts.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_order_is_kept() {
        let items: Vec<u32> = (0..1000).collect();
        assert_eq!(
            super::map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        assert_eq!(super::map(&[] as &[u32], |x| *x), Vec::<u32>::new());
        assert_eq!(super::map(&[7u32], |x| *x), vec![7]);
    }
}
