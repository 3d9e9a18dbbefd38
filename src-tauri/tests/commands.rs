//! Commands called through Tauri's real IPC layer, without a display (`tauri::test`).

use gaoku_app::{app_builder, state::AppState};
use gaoku_core::SpeechSummary;
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

#[path = "../../tests/common/hostile.rs"]
mod hostile;

type MockWebview = tauri::WebviewWindow<tauri::test::MockRuntime>;

/// The real command layer on a new library (seeded with the sample speech): the library folder,
/// the app (kept alive by the caller) and its main webview.
fn app_on_new_library() -> (
    tempfile::TempDir,
    tauri::App<tauri::test::MockRuntime>,
    MockWebview,
) {
    let dir = tempfile::tempdir().unwrap();
    let app = app_builder(mock_builder())
        .manage(AppState::open(dir.path()).unwrap())
        .build(mock_context(noop_assets()))
        .unwrap();
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (dir, app, webview)
}

fn invoke(webview: &MockWebview, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

#[test]
fn library_commands_over_ipc() {
    let (dir, _app, webview) = app_on_new_library();

    let info = invoke(&webview, "library_info", json!({})).unwrap();
    assert_eq!(info["speeches"], 1);
    assert_eq!(info["dir"], dir.path().display().to_string());

    let list: Vec<SpeechSummary> =
        serde_json::from_value(invoke(&webview, "library_list", json!({})).unwrap()).unwrap();
    assert_eq!(list[0].meta.title, "在全县2020年半年工作总结会议上的讲话");

    let speech = invoke(&webview, "speech_get", json!({ "id": list[0].id })).unwrap();
    assert_eq!(speech["paragraphs"][0], "同志们：");

    let hits = invoke(
        &webview,
        "search",
        json!({ "request": { "query": "狠抓落实", "limit": 5 } }),
    )
    .unwrap();
    assert_eq!(hits["total"], 1);
    assert!(hits["hits"][0]["snippets"][0]
        .as_str()
        .unwrap()
        .contains("<mark>狠抓落实</mark>"));
    let bad = invoke(
        &webview,
        "search",
        json!({ "request": { "query": "，。" } }),
    )
    .unwrap_err();
    assert_eq!(bad["code"], "nothing_to_search");
    let outline = invoke(&webview, "outline_get", json!({ "id": list[0].id })).unwrap();
    assert_eq!(outline["nodes"].as_array().unwrap().len(), 3);
    let bank = invoke(
        &webview,
        "phrases_list",
        json!({ "filter": { "kind": "parallel", "contains": "苦干" } }),
    )
    .unwrap();
    let id = bank[0]["id"].as_i64().unwrap();
    let uses = invoke(
        &webview,
        "phrase_uses",
        json!({ "id": id, "offset": 0, "limit": 5 }),
    )
    .unwrap();
    let first = &uses.as_array().unwrap()[0];
    assert_eq!(first["speech"], bank[0]["sources"][0]["speech"]);
    assert!(first["snippet"].as_str().unwrap().contains("<mark>"));
    let starred = invoke(
        &webview,
        "phrase_star",
        json!({ "id": id, "starred": true }),
    )
    .unwrap();
    assert_eq!(starred["starred"], true);
    let templates = invoke(&webview, "templates_list", json!({})).unwrap();
    assert_eq!(templates.as_array().unwrap().len(), 4);
    let saved = invoke(
        &webview,
        "template_from_speech",
        json!({ "id": list[0].id, "name": "半年会结构", "placeholders": true }),
    )
    .unwrap();
    assert_eq!(
        saved["parts"][1]["title"],
        "“＿＿”看形势，增强实干争先的紧迫感"
    );
    let again = invoke(
        &webview,
        "template_from_speech",
        json!({ "id": list[0].id, "name": "半年会结构", "placeholders": false }),
    )
    .unwrap_err();
    assert_eq!(again["code"], "exists");
    assert_eq!(again["params"]["what"], "template");
    assert_eq!(again["params"]["name"], "半年会结构");

    // Import through the worker thread: the report names each file.
    let files = tempfile::tempdir().unwrap();
    std::fs::write(
        files.path().join("a.txt"),
        "在全市会议上的讲话\n同志们：\n要真抓实干。\n",
    )
    .unwrap();
    std::fs::write(files.path().join("empty.txt"), "").unwrap();
    let report = invoke(&webview, "import_paths", json!({ "paths": [files.path()] })).unwrap();
    assert_eq!(report["imported"][0]["title"], "在全市会议上的讲话");
    assert!(report["failed"][0]["error"]
        .as_str()
        .unwrap()
        .contains("empty"));
    invoke(&webview, "import_cancel", json!({})).unwrap();

    // Edit and remove.
    let new_id = report["imported"][0]["id"].as_i64().unwrap();
    let edited = invoke(
        &webview,
        "speech_edit",
        json!({ "id": new_id, "edit": { "date": "2021-03-02", "tags": ["安全"] } }),
    )
    .unwrap();
    assert_eq!(
        (edited["date"].as_str(), edited["year"].as_i64()),
        (Some("2021-03-02"), Some(2021))
    );
    let bad = invoke(
        &webview,
        "speech_edit",
        json!({ "id": new_id, "edit": { "title": " " } }),
    )
    .unwrap_err();
    assert_eq!(bad["code"], "empty_title");
    invoke(&webview, "speech_remove", json!({ "id": new_id })).unwrap();
    assert_eq!(
        invoke(&webview, "speech_get", json!({ "id": new_id })).unwrap_err()["code"],
        "not_found"
    );

    let err = invoke(&webview, "speech_get", json!({ "id": 9999 })).unwrap_err();
    assert_eq!(err["code"], "not_found");
    assert_eq!(err["params"], json!({ "what": "speech", "id": "9999" }));
    assert!(err["message"].as_str().unwrap().contains("9999"));
}

#[test]
fn draft_and_export_commands_over_ipc() {
    let (_dir, _app, webview) = app_on_new_library();
    let out = tempfile::tempdir().unwrap();

    let d = invoke(&webview, "draft_create", json!({ "template": "致辞" })).unwrap();
    let id = d["id"].as_i64().unwrap();
    assert!(d["body"].as_str().unwrap().contains("尊敬的"));
    let body = "# 新春致辞\n\n同志们：\n\n## 一、回顾\n\n要苦干、实干、拼命干。<script>alert(1)</script>\n";
    let saved = invoke(
        &webview,
        "draft_save",
        json!({ "id": id, "body": body, "kind": "manual" }),
    )
    .unwrap();
    assert_eq!(saved["draft"]["title"], "新春致辞");
    assert_eq!(saved["revisions"].as_array().unwrap().len(), 1);
    let list = invoke(&webview, "drafts_list", json!({ "query": "新春" })).unwrap();
    assert_eq!(list[0]["id"], id);

    let blocks = invoke(&webview, "draft_preview", json!({ "markdown": body })).unwrap();
    let html: String = blocks
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["html"].as_str().unwrap())
        .collect();
    assert_eq!(blocks[0]["line"], 0);
    assert!(
        html.contains("&lt;script&gt;") && !html.contains("<script"),
        "{html}"
    );
    let outline = invoke(&webview, "draft_outline", json!({ "markdown": body })).unwrap();
    assert_eq!(outline["outline"]["nodes"][0]["marker"], "一、");
    let para = outline["outline"]["nodes"][0]["para"].as_u64().unwrap() as usize;
    assert_eq!(outline["lines"][para], 4);

    let revs = invoke(&webview, "draft_revisions", json!({ "id": id })).unwrap();
    let first = revs.as_array().unwrap().last().unwrap()["id"]
        .as_i64()
        .unwrap();
    let diff = invoke(&webview, "draft_diff", json!({ "id": id, "rev": first })).unwrap();
    assert!(diff.as_array().unwrap().iter().any(|p| p["op"] == "added"));
    let restored = invoke(&webview, "draft_restore", json!({ "id": id, "rev": first })).unwrap();
    assert!(restored["body"].as_str().unwrap().contains("尊敬的"));

    let path = out.path().join("致辞.docx");
    let n = invoke(
        &webview,
        "export_save",
        json!({ "target": { "kind": "draft", "id": id }, "format": "docx", "style": "gbt9704", "path": path }),
    )
    .unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().len(), n.as_u64().unwrap());
    let text = invoke(
        &webview,
        "export_text",
        json!({ "target": { "kind": "speech", "id": 1 }, "format": "txt" }),
    )
    .unwrap();
    assert!(text
        .as_str()
        .unwrap()
        .starts_with("在全县2020年半年工作总结会议上的讲话\n"));
    let missing = invoke(&webview, "draft_get", json!({ "id": 999 })).unwrap_err();
    assert_eq!(missing["code"], "not_found");
    invoke(&webview, "draft_delete", json!({ "id": id })).unwrap();
    let from_speech = invoke(&webview, "draft_from_speech", json!({ "id": 1 })).unwrap();
    assert_eq!(from_speech["source"], "speech:1");
    assert!(from_speech["body"]
        .as_str()
        .unwrap()
        .starts_with("# 在全县2020年半年工作总结会议上的讲话\n\n同志们："));
}

#[test]
fn phrase_and_template_editing_over_ipc() {
    let (_dir, _app, webview) = app_on_new_library();
    let p = invoke(
        &webview,
        "phrase_add",
        json!({ "kind": "paired", "text": "既要金山银山，更要绿水青山" }),
    )
    .unwrap();
    let id = p["id"].as_i64().unwrap();
    assert_eq!(p["user"], true);
    let p = invoke(
        &webview,
        "phrase_tag",
        json!({ "id": id, "tags": ["生态", "开头"] }),
    )
    .unwrap();
    assert_eq!(p["tags"], json!(["开头", "生态"]));
    let p = invoke(
        &webview,
        "phrase_edit",
        json!({ "id": id, "text": "既要金山银山，也要绿水青山" }),
    )
    .unwrap();
    assert_eq!(p["text"], "既要金山银山，也要绿水青山");
    let empty = invoke(&webview, "phrase_edit", json!({ "id": id, "text": "  " })).unwrap_err();
    assert_eq!(empty["code"], "empty_phrase");
    invoke(&webview, "phrase_delete", json!({ "id": id })).unwrap();
    let left = invoke(
        &webview,
        "phrases_list",
        json!({ "filter": { "contains": "绿水青山" } }),
    )
    .unwrap();
    assert_eq!(left.as_array().unwrap().len(), 0);

    invoke(
        &webview,
        "template_from_speech",
        json!({ "id": 1, "name": "半年总结（县委）", "placeholders": true }),
    )
    .unwrap();
    let t = invoke(
        &webview,
        "template_rename",
        json!({ "from": "半年总结（县委）", "to": "半年总结" }),
    )
    .unwrap();
    assert_eq!(t["name"], "半年总结");
    invoke(&webview, "template_delete", json!({ "name": "半年总结" })).unwrap();
    let names: Vec<String> = invoke(&webview, "templates_list", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !names.iter().any(|n| n.starts_with("半年总结")),
        "{names:?}"
    );
    // One rendering of a template for new drafts and inserts: the part's notes as prompts.
    let part = invoke(
        &webview,
        "template_markdown",
        json!({ "name": "致辞", "from": 0, "whole": false }),
    )
    .unwrap();
    assert!(part.as_str().unwrap().starts_with("尊敬的"), "{part}");
    assert!(part.as_str().unwrap().contains("＿＿（称呼"), "{part}");
    let draft = invoke(&webview, "draft_create", json!({ "template": "致辞" })).unwrap();
    let whole = invoke(
        &webview,
        "template_markdown",
        json!({ "name": "致辞", "from": 0, "whole": true }),
    )
    .unwrap();
    assert_eq!(
        draft["body"].as_str().unwrap(),
        format!("# ＿＿\n\n{}", whole.as_str().unwrap())
    );
    let builtin = invoke(&webview, "template_delete", json!({ "name": "致辞" })).unwrap_err();
    assert_eq!(builtin["code"], "built_in", "{builtin}");
    assert_eq!(builtin["params"]["name"], "致辞");
}

#[test]
fn check_commands_over_ipc() {
    let (_dir, _app, webview) = app_on_new_library();
    let md = "# 讲话\n\n## 一、看形势\n\n学习贯彻党的十九大精神,狠抓落实。\n\n## 三、抓落实\n";
    let r = invoke(
        &webview,
        "check_markdown",
        json!({ "markdown": md, "date": "2026-01-05" }),
    )
    .unwrap();
    assert_eq!(r["date"], "2026-01-05");
    assert_eq!(r["date_source"], "given");
    let rules: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for want in ["punct-halfwidth", "outdated-term", "numbering-gap"] {
        assert!(rules.contains(&want), "{want} in {rules:?}");
    }
    let bad = invoke(
        &webview,
        "check_markdown",
        json!({ "markdown": md, "date": "2026-02-30" }),
    )
    .unwrap_err();
    assert_eq!(bad["code"], "bad_date");

    // Turning a check off over IPC silences it.
    let view = invoke(
        &webview,
        "rule_enable",
        json!({ "id": "numbering-gap", "enabled": false }),
    )
    .unwrap();
    let gap = view["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "numbering-gap")
        .unwrap();
    assert_eq!(gap["enabled"], false);
    let r = invoke(
        &webview,
        "check_markdown",
        json!({ "markdown": md, "date": null }),
    )
    .unwrap();
    assert!(r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule"] != "numbering-gap"));
    // A rule of the writer's own, saved over IPC, checks the next draft.
    let rule = json!({ "id": "mine", "pattern": "狠抓落实", "reason": "换个说法", "basis": "个人", "valid_until": "2000-01-01" });
    invoke(
        &webview,
        "term_rule_save",
        json!({ "layer": "personal", "rule": rule }),
    )
    .unwrap();
    let r = invoke(
        &webview,
        "check_markdown",
        json!({ "markdown": md, "date": "2019-01-01" }),
    )
    .unwrap();
    let terms: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "outdated-term")
        .collect();
    assert_eq!(terms.len(), 1, "{terms:?}");
    assert!(terms[0]["basis"].as_str().unwrap().contains("mine"));
    let err = invoke(
        &webview,
        "term_rule_save",
        json!({ "layer": "builtin", "rule": rule }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "bad_rules");
}

/// A library another app holds (on this machine or another one sharing the folder) is not
/// opened: the window still comes up, and every command says who holds it.
#[test]
fn a_library_held_by_another_app_is_refused_with_the_holder_named() {
    let dir = tempfile::tempdir().unwrap();
    let first = AppState::open(dir.path()).unwrap();
    let second = app_builder(mock_builder())
        .manage(AppState::open(dir.path()).unwrap())
        .build(mock_context(noop_assets()))
        .unwrap();
    let webview = WebviewWindowBuilder::new(&second, "main", Default::default())
        .build()
        .unwrap();
    let err = invoke(&webview, "library_info", json!({})).unwrap_err();
    assert_eq!(err["code"], "in_use");
    let holder = err["params"]["holder"].as_str().unwrap();
    assert!(
        holder.contains(&format!("(app, pid {}", std::process::id())),
        "{holder}"
    );
    // Once the first app is gone, the library opens.
    drop(first);
    let third = AppState::open(dir.path()).unwrap();
    assert_eq!(third.library().unwrap().list().unwrap().len(), 1);
}

/// The app's import command over a folder that mixes the hostile corpus with good speeches:
/// every file is read in the guarded worker (the app binary itself), so no bomb takes the app
/// down; every good speech comes in and every bad file is named with its code.
#[test]
fn the_import_command_survives_hostile_files_and_imports_every_good_one() {
    gaoku_core::guard::install(env!("CARGO_BIN_EXE_gaoku-app").into());
    gaoku_core::guard::Limits::set(gaoku_core::guard::Limits {
        memory_mb: 1024,
        timeout: std::time::Duration::from_secs(30),
    });
    let (_dir, _app, webview) = app_on_new_library();
    let files = tempfile::tempdir().unwrap();
    let hostile = hostile::write_all(files.path(), 1500);
    let good = ["0-a.txt", "m-b.txt", "z-c.txt"];
    for (i, name) in good.iter().enumerate() {
        std::fs::write(
            files.path().join(name),
            format!("在全市第{i}次会议上的讲话\n同志们：\n要真抓实干，第{i}项工作要落实。\n"),
        )
        .unwrap();
    }
    let report = invoke(&webview, "import_paths", json!({ "paths": [files.path()] })).unwrap();
    let paths = |part: &str| -> Vec<String> {
        report[part]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    let imported = paths("imported");
    for name in good {
        assert!(
            imported.iter().any(|p| p.ends_with(name)),
            "{name}: {report}"
        );
    }
    let failed = paths("failed");
    for path in hostile {
        let name = path.file_name().unwrap().to_str().unwrap();
        if hostile::READABLE.contains(&name) {
            assert!(
                imported.iter().any(|p| p.ends_with(name)),
                "{name}: {report}"
            );
        } else {
            assert!(failed.iter().any(|p| p.ends_with(name)), "{name}: {report}");
        }
    }
    assert!(report["failed"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| !f["code"].as_str().unwrap().is_empty()));
    // The app still answers, and holds the sample and what was imported.
    let list = invoke(&webview, "library_list", json!({})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1 + imported.len());
}
