//! Backups and restores: a consistent copy taken while drafts are being autosaved, restores that
//! keep what they replace, and backups that are refused when they are not whole.

use std::path::Path;

use gaoku_core::drafts::SaveKind;
use gaoku_core::error::{Error, LibraryError};
use gaoku_core::{Library, LibraryLock, OpenOptions, SearchRequest};

fn total(lib: &mut Library, q: &str) -> usize {
    lib.search(&SearchRequest::new(q)).unwrap().total
}

#[test]
fn a_backup_taken_while_a_draft_is_autosaved_restores_to_a_consistent_library() {
    let dir = tempfile::tempdir().unwrap();
    let lib_dir = dir.path().join("library");
    let mut lib = Library::open(&lib_dir).unwrap();
    let draft = lib.create_draft("# 稿\n\n第0稿", None).unwrap().id;
    // Another handle (as the app's autosave) saves the draft again and again meanwhile.
    let writer_dir = lib_dir.clone();
    let writer = std::thread::spawn(move || {
        let mut w = Library::open(&writer_dir).unwrap();
        for i in 1..=300 {
            w.save_draft(draft, &format!("# 稿\n\n第{i}稿"), SaveKind::Auto)
                .unwrap();
        }
    });
    std::thread::sleep(std::time::Duration::from_millis(20));
    let backup = dir.path().join("backup");
    let info = lib.backup_to(&backup).unwrap();
    writer.join().unwrap();
    assert_eq!(info.speeches, 1);
    assert!(info.bytes > 0);
    assert!(!backup.join("library.sqlite3.partial").exists());

    // The backup opens as a library as it is: whole, searchable, the draft at one saved state.
    let mut copy = Library::open(&backup).unwrap();
    assert!(copy.check_integrity().unwrap().is_empty());
    assert_eq!(total(&mut copy, "苦干、实干、拼命干"), 1);
    let saved = copy.draft(draft).unwrap().body;
    assert!(saved.starts_with("# 稿\n\n第"), "{saved}");
    drop(copy);

    // Restoring it brings that state back; the library as it was is kept beside it.
    drop(lib);
    let restored = Library::restore(&lib_dir, &backup).unwrap();
    assert_eq!(restored.speeches, 1);
    let mut lib = Library::open(&lib_dir).unwrap();
    assert_eq!(lib.draft(draft).unwrap().body, saved);
    assert!(lib.check_integrity().unwrap().is_empty());
    assert_eq!(total(&mut lib, "苦干、实干、拼命干"), 1);
    let previous = Library::open(restored.previous.as_deref().unwrap()).unwrap();
    assert_eq!(previous.draft(draft).unwrap().body, "# 稿\n\n第300稿");
}

#[test]
fn a_restore_rebuilds_the_index_and_loses_nothing_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let lib_dir = dir.path().join("library");
    let mut lib = Library::open(&lib_dir).unwrap();
    let backup = dir.path().join("backup");
    lib.backup_to(&backup).unwrap();
    // A speech imported after the backup: searchable now, gone after the restore, kept in the
    // copy of the replaced library.
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    std::fs::write(
        files.join("new.txt"),
        "备份之后的讲话\n同志们：\n这是备份之后才导入的独一无二的句子。\n",
    )
    .unwrap();
    assert_eq!(lib.import(&[files], |_| {}, None).imported.len(), 1);
    assert_eq!(total(&mut lib, "独一无二的句子"), 1);
    drop(lib);
    let restored = Library::restore(&lib_dir, &backup).unwrap();
    let mut lib = Library::open_with(&lib_dir, OpenOptions { seed_sample: false }).unwrap();
    assert_eq!(lib.list().unwrap().len(), 1);
    assert_eq!(total(&mut lib, "独一无二的句子"), 0);
    let mut before = Library::open(restored.previous.as_deref().unwrap()).unwrap();
    assert_eq!(total(&mut before, "独一无二的句子"), 1);
}

#[test]
fn a_restore_is_refused_while_the_app_holds_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let lib_dir = dir.path().join("library");
    let lib = Library::open(&lib_dir).unwrap();
    let backup = dir.path().join("backup");
    lib.backup_to(&backup).unwrap();
    let held = LibraryLock::acquire(&lib_dir, "app").unwrap();
    let err = Library::restore(&lib_dir, &backup).unwrap_err();
    assert!(
        matches!(&err, Error::Library(LibraryError::InUse { holder }) if holder.contains("app")),
        "{err}"
    );
    drop(held);
    Library::restore(&lib_dir, &backup).unwrap();
}

#[test]
fn damaged_or_foreign_backups_restore_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let lib_dir = dir.path().join("library");
    let mut lib = Library::open(&lib_dir).unwrap();
    let backup = dir.path().join("backup");
    lib.backup_to(&backup).unwrap();
    let db = backup.join("library.sqlite3");
    let bytes = std::fs::read(&db).unwrap();
    let cases: [(&str, Vec<u8>); 3] = [
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("text", "这不是数据库".as_bytes().to_vec()),
        ("empty", Vec::new()),
    ];
    let draft = lib.create_draft("# 现在的稿", None).unwrap().id;
    drop(lib);
    for (name, content) in cases {
        let bad = dir.path().join(name);
        std::fs::create_dir_all(&bad).unwrap();
        std::fs::write(bad.join("library.sqlite3"), content).unwrap();
        let err = Library::restore(&lib_dir, &bad).unwrap_err();
        assert!(
            matches!(err, Error::Library(LibraryError::NotABackup { .. })),
            "{name}: {err}"
        );
    }
    let missing = Library::restore(&lib_dir, &dir.path().join("nowhere")).unwrap_err();
    assert!(matches!(
        missing,
        Error::Library(LibraryError::NotABackup { .. })
    ));
    // The library is as it was, with no copy made.
    let lib = Library::open(&lib_dir).unwrap();
    assert_eq!(lib.draft(draft).unwrap().body, "# 现在的稿");
    assert!(!has_before_restore(&lib_dir));
}

#[test]
fn restore_refuses_what_is_not_a_whole_library() {
    let dir = tempfile::tempdir().unwrap();
    let lib_dir = dir.path().join("library");
    let mut lib = Library::open(&lib_dir).unwrap();
    let draft = lib.create_draft("# 现在的稿", None).unwrap().id;
    let backup = dir.path().join("backup");
    lib.backup_to(&backup).unwrap();
    drop(lib);
    // A whole backup with one table dropped (quick_check passes: it is a sound SQLite file).
    let dropped = dir.path().join("dropped");
    std::fs::create_dir_all(&dropped).unwrap();
    std::fs::copy(
        backup.join("library.sqlite3"),
        dropped.join("library.sqlite3"),
    )
    .unwrap();
    {
        let conn = rusqlite::Connection::open(dropped.join("library.sqlite3")).unwrap();
        let table: String = conn
            .query_row(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('speeches') \
                 AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%' ORDER BY name LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        conn.execute_batch(&format!(
            "PRAGMA foreign_keys = OFF; DROP TABLE \"{table}\";"
        ))
        .unwrap();
    }
    // Another program's database: a table named speeches, a version, nothing else of Gaoku's.
    let foreign = dir.path().join("foreign");
    std::fs::create_dir_all(&foreign).unwrap();
    {
        let conn = rusqlite::Connection::open(foreign.join("library.sqlite3")).unwrap();
        conn.execute_batch(
            "CREATE TABLE speeches (who TEXT, said BLOB); INSERT INTO speeches VALUES ('x', 1); \
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    for bad in [&dropped, &foreign] {
        let err = Library::restore(&lib_dir, bad).unwrap_err();
        assert!(
            matches!(err, Error::Library(LibraryError::NotABackup { .. })),
            "{}: {err}",
            bad.display()
        );
        // Nothing swapped, nothing left behind, and the library works as before.
        let names: Vec<String> = std::fs::read_dir(&lib_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !names
                .iter()
                .any(|n| n.starts_with("restoring-") || n.ends_with(".restoring")),
            "{names:?}"
        );
        assert!(!has_before_restore(&lib_dir));
        let mut lib = Library::open(&lib_dir).unwrap();
        assert_eq!(lib.draft(draft).unwrap().body, "# 现在的稿");
        assert!(lib.check_integrity().unwrap().is_empty());
        assert!(total(&mut lib, "落实") > 0);
    }
    // The whole backup still restores.
    Library::restore(&lib_dir, &backup).unwrap();
}

#[test]
fn rotating_backups_keep_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("library")).unwrap();
    let root = dir.path().join("backups");
    std::fs::create_dir_all(root.join("my-notes")).unwrap();
    let mut made = Vec::new();
    for _ in 0..4 {
        made.push(lib.backup_rotating(&root, 2).unwrap().path);
    }
    let mut left: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    left.sort();
    // The two newest backups and the writer's own folder.
    assert_eq!(left.len(), 3, "{left:?}");
    assert!(
        left.contains(&made[2]) && left.contains(&made[3]),
        "{left:?}"
    );
    assert!(left.iter().any(|p| p.ends_with("my-notes")));
}

fn has_before_restore(dir: &Path) -> bool {
    std::fs::read_dir(dir).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("before-restore-")
    })
}

#[test]
fn the_regular_backup_is_due_daily_and_lists_what_it_keeps() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path().join("library")).unwrap();
    assert!(!lib.backup_due().unwrap(), "no folder chosen: nothing due");
    assert!(lib.backup_by_plan().is_err());
    let root = dir.path().join("daily");
    let plan = lib.set_backup_plan(Some(&root), 2).unwrap();
    assert_eq!((plan.keep, plan.last), (2, None));
    assert!(lib.backup_due().unwrap());
    let first = lib.backup_by_plan().unwrap();
    assert!(!lib.backup_due().unwrap(), "just made");
    assert!(lib.backup_plan().unwrap().last.is_some());
    for _ in 0..2 {
        lib.backup_by_plan().unwrap();
    }
    let kept = lib.backups().unwrap();
    assert_eq!(kept.len(), 2);
    assert!(kept[0].path > kept[1].path, "newest first");
    assert!(kept.iter().all(|b| b.speeches == 1 && b.path != first.path));
    lib.set_backup_plan(None, 2).unwrap();
    assert!(!lib.backup_due().unwrap());
    assert!(lib.backups().unwrap().is_empty());
}
