//! Prints the split of a dump as `pressroom split FILE --json` will:
//! `{"file": name, "edition": …, "articles": […], "dropped": […]}`.
//!
//! usage: cargo run --example split_json -- FILE [PUBLICATION]
//! With `SPLIT_ROLES=1`, prints each line's role instead (see `edition::explain`).

use std::path::Path;

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .context("usage: split_json FILE [PUBLICATION]")?;
    let publication = args.next().unwrap_or_else(|| "pressroom".to_owned());
    let bytes = std::fs::read(&path).with_context(|| format!("failed to read {path}"))?;
    let text =
        pressroom::edition::decode(&bytes).with_context(|| format!("failed to decode {path}"))?;
    let name = Path::new(&path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if std::env::var_os("SPLIT_ROLES").is_some() {
        print!("{}", pressroom::edition::explain(&text));
        return Ok(());
    }
    let meta = pressroom::edition::from_file_name(&name, &publication);
    let split = pressroom::edition::split(&text, &meta);
    let mut value = serde_json::to_value(&split)?;
    if let Some(obj) = value.as_object_mut() {
        obj.insert("file".to_owned(), serde_json::Value::String(name));
    }
    println!("{}", serde_json::to_string_pretty(&value)?);
    Ok(())
}
