//! The crate's folders are how a reader finds a rule: keep its root small.

use std::fs;
use std::path::Path;

#[test]
fn the_crate_root_holds_at_most_a_dozen_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().unwrap().is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        files.len() <= 12,
        "{} files at the root of crates/domain/src; put them in the folder of what they model: {files:?}",
        files.len()
    );
}
