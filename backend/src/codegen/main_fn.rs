//! The C entry point: initialise the runtime, record argv, build the big int
//! literals, run `<module>`, and either print the escaping exception the way CPython
//! does (traceback, exit code 1) or flush stdout and return 0.

use super::ModuleGen;
use crate::error::{Error, Result};
use inkwell::module::Linkage;

pub fn generate_main(m: &mut ModuleGen) -> Result<()> {
    let context = m.context;
    let i32_type = context.i32_type();
    let ptr_type = context.ptr_type(Default::default());
    let main = m.module.add_function(
        "main",
        i32_type.fn_type(&[i32_type.into(), ptr_type.into()], false),
        Some(Linkage::External),
    );
    let builder = context.create_builder();
    let entry = context.append_basic_block(main, "entry");
    builder.position_at_end(entry);
    builder.build_call(m.runtime("kr_runtime_init")?, &[], "")?;
    let argc = main
        .get_nth_param(0)
        .ok_or_else(|| Error::internal("main", "no argc"))?;
    let argv = main
        .get_nth_param(1)
        .ok_or_else(|| Error::internal("main", "no argv"))?;
    builder.build_call(m.runtime("kr_set_argv")?, &[argc.into(), argv.into()], "")?;
    let warnings = m.source.warnings;
    if !warnings.is_empty() {
        let text = m
            .constants
            .c_string(context, &m.module, warnings.as_bytes());
        let len = context.i64_type().const_int(warnings.len() as u64, false);
        builder.build_call(
            m.runtime("kr_print_stderr_utf8")?,
            &[text.into(), len.into()],
            "",
        )?;
    }

    let from_str = m.runtime("kr_int_from_str")?;
    let big_ints = m.constants.big_ints.clone();
    for (hex, global) in big_ints {
        let text = m.constants.c_string(context, &m.module, hex.as_bytes());
        let len = context.i64_type().const_int(hex.len() as u64, false);
        let base = i32_type.const_int(16, false);
        let value = builder
            .build_call(from_str, &[text.into(), len.into(), base.into()], "")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| Error::internal("main", "kr_int_from_str returns nothing"))?;
        builder.build_store(global.as_pointer_value(), value)?;
    }

    let module_body = *m
        .functions
        .get(m.program.main.index())
        .ok_or_else(|| Error::internal("main", "the module function is missing"))?;
    // `<module>` returns None: only its failure flag.
    let failed = builder
        .build_call(module_body, &[], "")?
        .try_as_basic_value()
        .basic()
        .ok_or_else(|| Error::internal("main", "the module function returns nothing"))?
        .into_int_value();
    let raised = context.append_basic_block(main, "raised");
    let done = context.append_basic_block(main, "done");
    builder.build_conditional_branch(failed, raised, done)?;
    builder.position_at_end(raised);
    builder.build_call(m.runtime("kr_exit_with_exception")?, &[], "")?;
    builder.build_unreachable()?;
    builder.position_at_end(done);
    builder.build_call(m.runtime("kr_flush_stdout")?, &[], "")?;
    builder.build_return(Some(&i32_type.const_zero()))?;
    m.functions.push(main);
    Ok(())
}
