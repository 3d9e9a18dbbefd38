// A real Chinese input method for end-to-end tests: fcitx5 with pinyin on a private D-Bus session
// under the test's X display, and real X key events from xdotool, as on a writer's desktop.
// The app started with `ime.env` talks to this fcitx5 through GTK's input method module.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appPids, sleep } from "./webdriver.mjs";


/** True when fcitx5, its pinyin engine, xdotool and dbus-launch are installed. */
export function imeAvailable() {
  try {
    execFileSync("sh", ["-c", "command -v fcitx5 && command -v xdotool && command -v dbus-launch"], { stdio: "ignore" });
  } catch {
    return false;
  }
  return existsSync("/usr/share/fcitx5/addon/pinyin.conf");
}

/**
 * Starts a D-Bus session and fcitx5 (keyboard-us first, pinyin second: Ctrl+Space switches) with
 * a throwaway HOME. Returns the environment an app needs to use it, and `stop()`.
 */
export async function startIme() {
  const home = mkdtempSync(join(tmpdir(), "gaoku-ime-"));
  const conf = join(home, ".config", "fcitx5");
  mkdirSync(conf, { recursive: true });
  writeFileSync(
    join(conf, "profile"),
    [
      "[Groups/0]",
      "Name=Default",
      "Default Layout=us",
      "DefaultIM=pinyin",
      "",
      "[Groups/0/Items/0]",
      "Name=keyboard-us",
      "Layout=",
      "",
      "[Groups/0/Items/1]",
      "Name=pinyin",
      "Layout=",
      "",
      "[GroupOrder]",
      "0=Default",
      "",
    ].join("\n"),
  );
  const bus = execFileSync("dbus-launch", ["--sh-syntax"], { encoding: "utf8" });
  const address = /DBUS_SESSION_BUS_ADDRESS='([^']+)'/.exec(bus)?.[1];
  const busPid = Number(/DBUS_SESSION_BUS_PID=(\d+)/.exec(bus)?.[1]);
  if (!address) throw new Error(`dbus-launch said: ${bus}`);
  const env = {
    HOME: home,
    DBUS_SESSION_BUS_ADDRESS: address,
    GTK_IM_MODULE: "fcitx",
    QT_IM_MODULE: "fcitx",
    XMODIFIERS: "@im=fcitx",
  };
  const fcitx = spawn("fcitx5", ["--disable=notificationitem,clipboard"], {
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  // fcitx5 is ready when it owns its name on the bus.
  for (let i = 0; ; i++) {
    try {
      const names = execFileSync("dbus-send", ["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"], {
        env: { ...process.env, ...env },
        encoding: "utf8",
      });
      if (names.includes("org.fcitx.Fcitx5")) break;
    } catch {
      /* the bus is starting */
    }
    if (i > 100) throw new Error("fcitx5 did not start");
    await sleep(100);
  }
  await sleep(500);
  return {
    env,
    stop() {
      fcitx.kill("SIGKILL");
      try {
        process.kill(busPid, "SIGKILL");
      } catch {
        /* gone already */
      }
    },
  };
}

/** The PID of the app process running on `library` (the one WebKitWebDriver launched). */
export function appPid(binary, library) {
  const pid = appPids(library)[0];
  if (pid === undefined) throw new Error(`no app process on ${library}`);
  return pid;
}

/** Runs xdotool with the given arguments (synchronously: returns when the keys were sent). */
export function xdotool(...args) {
  return execFileSync("xdotool", args, { encoding: "utf8" }).trim();
}

/** Gives the app's window the X input focus, so that xdotool's keys reach it. */
export function focusWindow(pid) {
  const ids = xdotool("search", "--onlyvisible", "--pid", String(pid)).split("\n").filter(Boolean);
  if (!ids.length) throw new Error(`no visible window for pid ${pid}`);
  xdotool("windowfocus", "--sync", ids[0]);
}

/** The input method's candidate window on the screen: { x, y, w, h }, or null when not shown. */
export function candidateWindow() {
  let ids = [];
  try {
    ids = xdotool("search", "--onlyvisible", "--name", "Fcitx5 Input Window").split("\n").filter(Boolean);
  } catch {
    return null; // xdotool exits 1 when nothing matches
  }
  if (ids.length === 0) return null;
  const geo = xdotool("getwindowgeometry", ids[0]);
  const [, x, y] = /Position: (-?\d+),(-?\d+)/.exec(geo) ?? [];
  const [, w, h] = /Geometry: (\d+)x(\d+)/.exec(geo) ?? [];
  return { x: Number(x), y: Number(y), w: Number(w), h: Number(h) };
}

/**
 * Where the caret is on the screen: the last box of the page's selection (during a composition,
 * the end of the composed text), the window's menu bar above the page counted in; and the field
 * being typed in.
 */
export async function caretOnScreen(app) {
  const [left, right, top, bottom, chrome, fieldLeft, fieldRight] = await app.exec(
    "const rs = window.getSelection().getRangeAt(0).getClientRects(); const r = rs.length ? rs[rs.length - 1] : window.getSelection().getRangeAt(0).getBoundingClientRect(); const f = document.activeElement.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom, window.outerHeight - window.innerHeight, f.left, f.right];",
  );
  // `field`: the text field (or editor) being typed in, left to right.
  return { x: left, right, top: top + chrome, bottom: bottom + chrome, field: [fieldLeft, fieldRight] };
}
