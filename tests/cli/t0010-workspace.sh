#!/bin/bash
# Workspaces: init, selection rules, global options, exit codes.
. "$(dirname "$0")/../lib/t.sh"

t_exit "no workspace yet is a failure" 1 $MUTUA person list
t_match "it says how to make one" "mutua init" "$T_ERR"
t_exit "init needs --kind" 2 $MUTUA init --name X
t_exit "bad kind is refused" 1 $MUTUA init --name X --kind club
t_match "the bad kind is named" "kind.*club" "$T_ERR"
t_exit "bad currency is refused" 1 $MUTUA init --name X --kind group --currency kronor
t_ok "init a group" $MUTUA --now 2026-11-23T10:00:00Z init --name "BNI Öresund" --kind group --locale sv
t_match "init reports the workspace" "created workspace 1: BNI Öresund" "$T_OUT"
t_exit "a second workspace of the same name is a conflict" 1 $MUTUA init --name "BNI Öresund" --kind group
t_ok "the only workspace is selected" $MUTUA person list
t_ok "init a second" $MUTUA --json init --name Solo --kind personal --currency DKK
t_jq "json init" '.currency' "DKK"
t_jq "settings have defaults" '.settings.cadence_days.active' "90"
t_exit "two workspaces need a choice" 2 $MUTUA person list
t_match "the choice is explained" "choose one with --workspace" "$T_ERR"
t_ok "--workspace by name" $MUTUA --workspace Solo person list
t_ok "--workspace by id" $MUTUA --workspace 1 person list
MUTUA_WORKSPACE=Solo t_ok "MUTUA_WORKSPACE selects" $MUTUA person list
t_exit "unknown workspace" 1 $MUTUA --workspace Nope person list
t_ok "workspace list" $MUTUA workspace list
t_match "both listed" "Solo" "$T_OUT"
t_ok "workspace list --json" $MUTUA workspace list --json
t_jq "two workspaces" 'length' "2"
t_exit "unknown command is a usage error" 2 $MUTUA frobnicate
t_exit "a bad --now is a usage error" 2 $MUTUA --now yesterday help
t_exit "a missing database directory fails cleanly" 1 $MUTUA --db /nonexistent/dir/x.db workspace list
t_ok "--version" $MUTUA --version
t_match "version printed" "^mutua [0-9]" "$T_OUT"
t_done
