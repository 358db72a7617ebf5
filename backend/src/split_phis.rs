//! Splits phis of `{ value, failed }` pairs into one phi per field.
//!
//! A user function whose result has no failure sentinel (a float, a bool) returns
//! the pair `{ result, failed }`. Once LLVM inlines it, the pair becomes a phi of
//! the callee's returns that the caller reads twice (`failed`, then `result`), and
//! LLVM folds field reads into a phi only for a phi with a single use. The failure
//! test then survives inlining as a branch on a constant-per-path flag that nothing
//! threads (three instructions per call in spectral_norm's inner loop). Splitting
//! the phi leaves per-field phis of constants that the clean-up passes fold.

use inkwell::module::Module;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{
    AnyValue, AnyValueEnum, BasicValueEnum, InstructionOpcode, InstructionValue,
};

/// Splits every phi of a struct type whose uses all read one field each
/// (`extractvalue`); true when it changed anything.
pub fn split_aggregate_phis(module: &Module) -> bool {
    let mut changed = false;
    let mut function = module.get_first_function();
    while let Some(f) = function {
        for block in f.get_basic_blocks() {
            let mut inst = block.get_first_instruction();
            while let Some(i) = inst {
                if i.get_opcode() != InstructionOpcode::Phi {
                    break;
                }
                inst = i.get_next_instruction();
                changed |= split_phi(module, i);
            }
        }
        function = f.get_next_function();
    }
    changed
}

/// The `extractvalue` users of `phi`, or None when another kind of use exists.
fn field_reads<'ctx>(phi: InstructionValue<'ctx>) -> Option<Vec<InstructionValue<'ctx>>> {
    let mut reads = Vec::new();
    let mut next = phi.get_first_use();
    while let Some(u) = next {
        let AnyValueEnum::InstructionValue(user) = any_instruction(u.get_user())? else {
            return None;
        };
        if user.get_opcode() != InstructionOpcode::ExtractValue || user.get_num_operands() != 1 {
            return None;
        }
        reads.push(user);
        next = u.get_next_use();
    }
    Some(reads)
}

fn any_instruction(value: AnyValueEnum<'_>) -> Option<AnyValueEnum<'_>> {
    match value {
        AnyValueEnum::IntValue(v) => v.as_instruction().map(AnyValueEnum::InstructionValue),
        AnyValueEnum::FloatValue(v) => v.as_instruction().map(AnyValueEnum::InstructionValue),
        AnyValueEnum::PointerValue(v) => v.as_instruction().map(AnyValueEnum::InstructionValue),
        AnyValueEnum::InstructionValue(i) => Some(AnyValueEnum::InstructionValue(i)),
        _ => None,
    }
}

fn split_phi(module: &Module, phi_inst: InstructionValue<'_>) -> bool {
    let Ok(phi) = inkwell::values::PhiValue::try_from(phi_inst) else {
        return false;
    };
    let BasicTypeEnum::StructType(_) = phi.as_basic_value().get_type() else {
        return false;
    };
    let Some(reads) = field_reads(phi_inst) else {
        return false;
    };
    let Some(block) = phi_inst.get_parent() else {
        return false;
    };
    if reads.is_empty() {
        return false;
    }
    let builder = module.get_context().create_builder();
    let incoming: Vec<_> = (0..phi.count_incoming())
        .filter_map(|k| phi.get_incoming(k))
        .collect();
    for read in reads {
        // The same field read, moved to the end of each incoming block.
        let mut fields: Vec<(BasicValueEnum, _)> = Vec::with_capacity(incoming.len());
        for (value, from) in &incoming {
            // A block that reaches the phi by two edges (a switch) has one value.
            if let Some(&(field, _)) = fields.iter().find(|(_, b)| b == from) {
                fields.push((field, *from));
                continue;
            }
            let Some(terminator) = from.get_terminator() else {
                return false;
            };
            let copy = read.explicit_clone();
            if !copy.set_operand(0, *value) {
                return false;
            }
            builder.position_before(&terminator);
            builder.insert_instruction(&copy, Some("field"));
            let Ok(field) = BasicValueEnum::try_from(copy.as_any_value_enum()) else {
                return false;
            };
            fields.push((field, *from));
        }
        let Some(first) = block.get_first_instruction() else {
            return false;
        };
        let Some((first_field, _)) = fields.first() else {
            return false;
        };
        builder.position_before(&first);
        let Ok(new_phi) = builder.build_phi(first_field.get_type(), "split") else {
            return false;
        };
        for (field, from) in &fields {
            new_phi.add_incoming(&[(field, *from)]);
        }
        read.replace_all_uses_with(&new_phi.as_instruction());
        read.erase_from_basic_block();
    }
    if phi_inst.get_first_use().is_none() {
        phi_inst.erase_from_basic_block();
    }
    true
}
