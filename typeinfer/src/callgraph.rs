//! The call graph of a specialised program, and which functions can recurse.
//!
//! Only a function on a cycle of calls can be entered again before it returns,
//! so only those need the frame counter that turns runaway recursion into
//! RecursionError; the others can be inlined freely.

use crate::ir::{InstKind, Program};
use petgraph::algo::tarjan_scc;
use petgraph::graphmap::DiGraphMap;

/// Per function of a specialised program: true if it lies on a cycle of calls
/// (including calling itself).
pub fn recursive_functions(program: &Program) -> Vec<bool> {
    let mut graph: DiGraphMap<u32, ()> = DiGraphMap::new();
    let mut self_calls = vec![false; program.functions.len()];
    for (i, f) in program.functions.iter().enumerate() {
        graph.add_node(i as u32);
        for block in &f.blocks {
            for inst in &block.insts {
                if let InstKind::Call { func, .. } = &inst.kind {
                    graph.add_edge(i as u32, func.0, ());
                    if func.index() == i {
                        self_calls[i] = true;
                    }
                }
            }
        }
    }
    let mut recursive = self_calls;
    for component in tarjan_scc(&graph) {
        if component.len() > 1 {
            for node in component {
                if let Some(r) = recursive.get_mut(node as usize) {
                    *r = true;
                }
            }
        }
    }
    recursive
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(source: &str) -> Program {
        crate::compile_source(source)
    }

    #[test]
    fn only_functions_on_cycles_are_recursive() {
        let p = program(
            "def leaf(x):\n    return x + 1\n\ndef fact(n):\n    if n < 2:\n        return 1\n    return n * fact(n - 1)\n\ndef even(n):\n    if n == 0:\n        return True\n    return odd(n - 1)\n\ndef odd(n):\n    if n == 0:\n        return False\n    return even(n - 1)\n\nprint(leaf(1), fact(5), even(4))\n",
        );
        let recursive = recursive_functions(&p);
        let by_name = |name: &str| {
            p.functions
                .iter()
                .position(|f| &*f.name == name)
                .map(|i| recursive[i])
        };
        assert_eq!(by_name("leaf"), Some(false));
        assert_eq!(by_name("fact"), Some(true));
        assert_eq!(by_name("even"), Some(true));
        assert_eq!(by_name("odd"), Some(true));
        assert_eq!(by_name("<module>"), Some(false));
    }
}
