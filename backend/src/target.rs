//! The host target, the optimisation pipeline and code emission.
//!
//! Code is generated for the machine krait runs on (its CPU and features, like
//! `-march=native`); the cache key includes `description()`, so an artefact is never
//! reused on a different CPU. Optimisation is LLVM's standard `default<On>` pipeline
//! through the new pass manager. Float semantics stay strict: krait never sets
//! fast-math flags and never emits `llvm.fmuladd`, and the target machine's default
//! fusion mode (`Standard`) only fuses that intrinsic, so `a*b + c` is never
//! contracted into an FMA.

use crate::error::{Error, Result};
use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine,
};
use inkwell::OptimizationLevel;

/// `-O0` .. `-O3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptLevel(u8);

impl OptLevel {
    pub fn new(level: u8) -> Option<OptLevel> {
        (level <= 3).then_some(OptLevel(level))
    }

    pub fn level(self) -> u8 {
        self.0
    }

    fn codegen_level(self) -> OptimizationLevel {
        match self.0 {
            0 => OptimizationLevel::None,
            1 => OptimizationLevel::Less,
            2 => OptimizationLevel::Default,
            _ => OptimizationLevel::Aggressive,
        }
    }
}

impl Default for OptLevel {
    fn default() -> Self {
        OptLevel(2)
    }
}

fn init() {
    Target::initialize_native(&InitializationConfig::default()).ok();
}

/// The target triple, CPU and features code is generated for.
pub fn description() -> String {
    init();
    format!(
        "{} {} {}",
        TargetMachine::get_default_triple()
            .as_str()
            .to_string_lossy(),
        TargetMachine::get_host_cpu_name().to_string_lossy(),
        TargetMachine::get_host_cpu_features().to_string_lossy()
    )
}

pub fn host_machine(level: OptLevel) -> Result<TargetMachine> {
    init();
    let triple = TargetMachine::get_default_triple();
    let target = Target::from_triple(&triple).map_err(|e| Error::Llvm(e.to_string()))?;
    let cpu = TargetMachine::get_host_cpu_name();
    let features = TargetMachine::get_host_cpu_features();
    target
        .create_target_machine(
            &triple,
            &cpu.to_string_lossy(),
            &features.to_string_lossy(),
            level.codegen_level(),
            // Position-independent, so `cc` can link a PIE as it does by default.
            RelocMode::PIC,
            CodeModel::Default,
        )
        .ok_or_else(|| Error::Llvm(format!("no target machine for {}", triple)))
}

/// Runs LLVM's standard pipeline for `level` on the module.
pub fn optimise(module: &Module, machine: &TargetMachine, level: OptLevel) -> Result<()> {
    module.set_triple(&machine.get_triple());
    module.set_data_layout(&machine.get_target_data().get_data_layout());
    let options = PassBuilderOptions::create();
    module
        .run_passes(&format!("default<O{}>", level.level()), machine, options)
        .map_err(|e| Error::Llvm(e.to_string()))?;
    if level.level() >= 2 && crate::split_phis::split_aggregate_phis(module) {
        // Fold the split phis' constants into the branches they feed.
        let cleanup = "function(instcombine,simplifycfg,jump-threading,simplifycfg)";
        module
            .run_passes(cleanup, machine, PassBuilderOptions::create())
            .map_err(|e| Error::Llvm(e.to_string()))?;
    }
    Ok(())
}

/// Machine code for the module, as an object file or assembly text.
pub fn emit(module: &Module, machine: &TargetMachine, file_type: FileType) -> Result<Vec<u8>> {
    machine
        .write_to_memory_buffer(module, file_type)
        .map(|buffer| buffer.as_slice().to_vec())
        .map_err(|e| Error::Llvm(e.to_string()))
}
