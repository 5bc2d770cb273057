-- :checkhealth arena_ls — the Java that runs the server and its version, the server's command and
-- version, and whether a server is running. Works on Neovim 0.7 (require('health').report_*) and
-- current Neovim (vim.health.*).
local M = {}

local function reporter()
  local h = vim.health
  if not (h and (h.start or h.report_start)) then h = require('health') end
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    info = h.info or h.report_info,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
  }
end

--- The server command in effect: setup{}'s, else vim.lsp.config's (0.11+), else lsp/arena_ls.lua's.
function M.server_cmd()
  local ok, arena = pcall(require, 'arena_ls')
  if ok and arena.config and arena.config.cmd then return arena.config.cmd, 'require("arena_ls").setup{}' end
  if vim.lsp.config then
    local got, cfg = pcall(function() return vim.lsp.config.arena_ls end)
    if got and type(cfg) == 'table' and cfg.cmd then return cfg.cmd, "vim.lsp.config('arena_ls')" end
  end
  local file = vim.api.nvim_get_runtime_file('lsp/arena_ls.lua', false)[1]
  if file then
    local got, cfg = pcall(dofile, file)
    if got and type(cfg) == 'table' and cfg.cmd then return cfg.cmd, file end
  end
  if ok then return arena.default_cmd(), 'the default' end
  return { 'arena-ls' }, 'the default'
end

--- The Java the command runs: its first word when that is a java, else $JAVA_HOME/bin/java, else java.
function M.java_of(cmd)
  local first = type(cmd) == 'table' and cmd[1] or nil
  if first and vim.fn.fnamemodify(first, ':t') == 'java' then return first end
  if vim.env.JAVA_HOME and vim.env.JAVA_HOME ~= '' then return vim.env.JAVA_HOME .. '/bin/java' end
  return 'java'
end

--- The feature release of `java -version`'s output (8 for "1.8.0_402", 17 for "17.0.9"), or nil.
function M.java_major(version_output)
  local v = version_output:match('version "([^"]+)"')
  if not v then return nil end
  local first, second = v:match('^(%d+)%.?(%d*)')
  first = tonumber(first)
  if first == 1 then return tonumber(second) end
  return first
end

local function run(argv)
  local out = vim.fn.system(argv)
  return vim.v.shell_error, out
end

function M.check()
  local r = reporter()
  local cmd, from = M.server_cmd()

  r.start('arena-ls: Java')
  local java = M.java_of(cmd)
  if vim.fn.executable(java) ~= 1 then
    r.error(('Java not found: %q is not executable'):format(java),
      { 'Install Java 17+ (e.g. the openjdk-17-jre package) and put it on PATH or set JAVA_HOME' })
  else
    local code, out = run({ java, '-version' })
    local major = code == 0 and M.java_major(out) or nil
    local first_line = (out:gsub('\r', '')):match('[^\n]*')
    if not major then
      r.error(('%s -version failed (exit %d): %s'):format(java, code, first_line))
    elseif major < 17 then
      r.error(('Java %d at %s is too old: the server needs 17+'):format(major, vim.fn.exepath(java)), { 'Install Java 17+ and set JAVA_HOME' })
    else
      r.ok(('Java %d: %s (%s)'):format(major, vim.fn.exepath(java), first_line))
    end
  end

  r.start('arena-ls: server')
  r.info(('command (from %s): %s'):format(from, type(cmd) == 'table' and table.concat(cmd, ' ') or tostring(cmd)))
  if type(cmd) ~= 'table' then
    r.info('the command is a function (an RPC factory): not checked')
  elseif vim.fn.executable(cmd[1]) ~= 1 then
    r.error(('%q is not executable'):format(cmd[1]), { 'Put arena-ls on PATH, set ARENA_LS_JAR, or give cmd = { "java", "-jar", "/path/to/arena-ls.jar" }' })
  else
    for i, a in ipairs(cmd) do
      if a == '-jar' and cmd[i + 1] then
        if vim.fn.filereadable(cmd[i + 1]) == 1 then
          r.ok('server jar: ' .. cmd[i + 1])
        else
          r.error('server jar missing: ' .. cmd[i + 1], { 'Build it: mvn -B -q -DskipTests install (server/target/arena-ls.jar)' })
        end
      end
    end
    local argv = vim.deepcopy(cmd)
    table.insert(argv, '--version')
    local code, out = run(argv)
    local version = code == 0 and out:match('arena%-ls [%w%.%-]+') or nil
    if version then
      r.ok('server version: ' .. version)
    else
      r.error(('%s --version failed (exit %d): %s'):format(table.concat(cmd, ' '), code, vim.trim(out)))
    end
  end

  r.start('arena-ls: running')
  local clients
  if vim.lsp.get_clients then
    clients = vim.lsp.get_clients({ name = 'arena_ls' })
  else
    clients = vim.tbl_filter(function(c) return c.name == 'arena_ls' end, vim.lsp.get_active_clients())
  end
  if #clients == 0 then
    r.info('not running: no JavaScript or TypeScript buffer is attached')
  end
  for _, c in ipairs(clients) do
    local buffers = vim.tbl_keys(c.attached_buffers or {})
    local info = c.server_info and (' ' .. (c.server_info.name or '') .. ' ' .. (c.server_info.version or '')) or ''
    if c:is_stopped() then
      r.warn(('client %d (%s) has stopped; see %s'):format(c.id, c.config.root_dir or '?', vim.lsp.get_log_path()))
    else
      r.ok(('running: client %d%s, root %s, %d buffer(s), position encoding %s'):format(
        c.id, info, c.config.root_dir or '?', #buffers, c.offset_encoding or '?'))
    end
  end
end

return M
