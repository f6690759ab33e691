#!/usr/bin/env python3
"""Writes citywatch(1) in roff from the binary's own ArgumentParser definitions (`--experimental-dump-help`).
Usage: scripts/man-page.py BINARY > citywatch.1"""
import json, subprocess, sys

def esc(text):
    text = (text or "").replace("\\", "\\\\").replace("-", "\\-")
    return "\n".join(("\\&" + l) if l.startswith((".", "'")) else l for l in text.split("\n"))

def option_name(arg):
    names = []
    for n in arg.get("names", []):
        names.append(("\\-" if n["kind"] == "short" else "\\-\\-") + n["name"].replace("-", "\\-"))
    if not names:
        return "\\fI" + arg.get("valueName", "value") + "\\fR"
    head = ", ".join("\\fB" + n + "\\fR" for n in names)
    if arg["kind"] == "option":
        head += " \\fI" + arg.get("valueName", "value") + "\\fR"
    return head

def arguments(args, out):
    for arg in args:
        if not arg.get("shouldDisplay", True) or arg.get("preferredName", {}).get("name") in ("help",):
            continue
        out.append(".TP")
        out.append(option_name(arg))
        out.append(esc(arg.get("abstract", "")))
        if arg.get("discussion"):
            out.append(".br")
            out.append(esc(arg["discussion"]))

def main():
    binary = sys.argv[1]
    info = json.loads(subprocess.check_output([binary, "--experimental-dump-help"]))["command"]
    version = subprocess.check_output([binary, "--version"], text=True).strip()
    out = ['.TH CITYWATCH 1 "" "citywatch %s" "User Commands"' % version, ".SH NAME",
           "citywatch \\- " + esc(info.get("abstract", "")), ".SH SYNOPSIS", ".B citywatch",
           "\\fIcommand\\fR [\\fIoptions\\fR]", ".SH DESCRIPTION", esc(info.get("discussion") or info.get("abstract", ""))]
    out.append(".SH COMMANDS")
    for sub in info.get("subcommands", []):
        if not sub.get("shouldDisplay", True) or sub["commandName"] == "help":
            continue
        out.append('.SS "citywatch %s"' % sub["commandName"])
        out.append(esc(sub.get("abstract", "")))
        if sub.get("discussion"):
            out.append(".PP")
            out.append(esc(sub["discussion"]))
        for inner in sub.get("subcommands", []):
            out.append(".TP")
            out.append("\\fB%s\\fR" % inner["commandName"])
            out.append(esc(inner.get("abstract", "")))
        arguments(sub.get("arguments", []), out)
    out += [".SH FILES", ".TP", "/etc/citywatch/citywatch.toml", "The configuration (TOML).", ".TP",
            "/var/lib/citywatch/knowledge.sqlite", "The knowledge: cities, figures, the alert outbox.", ".TP",
            "/var/log/citywatch/alerts.jsonl", "The alert log, one JSON object per line.",
            ".SH ENVIRONMENT", ".TP", "CITYWATCH_CONFIG", "The config file when \\-\\-config is not given.",
            ".SH SEE ALSO", "/usr/share/doc/citywatch/README.md, systemctl(1), journalctl(1)"]
    print("\n".join(out))

main()
