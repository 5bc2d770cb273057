-- Headless test of the arena_ls plugin against the real server. Run by test/run.sh:
--   ARENA_LS_JAR=… nvim --headless -u NONE -i NONE -n --cmd 'set rtp^=<plugin dir>' -c 'luafile test/arena_ls_test.lua'
-- Prints one line per check and `nvim: N passed, M failed`, then exits with 0 only if all passed.
local WAIT = tonumber(vim.env.ARENA_LS_TEST_WAIT_MS or '') or 20000
local uv = vim.uv or vim.loop

local passed, failed = 0, 0
local function out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end

local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    out('ok - ' .. name)
  else
    failed = failed + 1
    out('FAIL - ' .. name .. ': ' .. tostring(err))
  end
end

local function finish()
  out(('nvim: %d passed, %d failed'):format(passed, failed))
  io.stdout:flush()
  vim.cmd((failed == 0 and passed > 0) and 'qall!' or 'cquit! 1')
end

local function wait_for(what, cond, ms)
  if not vim.wait(ms or WAIT, cond, 50) then
    error('timed out after ' .. (ms or WAIT) .. ' ms waiting for ' .. what, 2)
  end
end

local function eq(a, b, what)
  if a ~= b then error(('%s: expected %s, got %s'):format(what or 'value', vim.inspect(b), vim.inspect(a)), 2) end
end

local function truthy(v, what)
  if not v then error(what or 'expected a true value', 2) end
  return v
end

-- a whole run can't hang: hard stop well after every bounded wait
local watchdog = uv.new_timer()
watchdog:start(8 * WAIT, 0, vim.schedule_wrap(function()
  out('FAIL - the whole test took longer than ' .. (8 * WAIT) .. ' ms')
  failed = failed + 1
  finish()
end))

-- ---- a project on disk ----
local jar = truthy(vim.env.ARENA_LS_JAR, 'ARENA_LS_JAR is not set')
local java = vim.env.ARENA_LS_JAVA or 'java'
local project = vim.fn.tempname() .. '-arena-ls-project'
vim.fn.mkdir(project .. '/src/nested', 'p')
project = project
vim.fn.writefile({ '{ "name": "demo", "private": true }' }, project .. '/package.json')
-- a TypeScript file; line 6 (1-based) lacks the `)` of Math.hypot(
local lines = {
  '/** A point in the plane. */',
  'interface Point { x: number; y: number }',
  '',
  '/** Distance between two points. */',
  'export function distance(a: Point, b: Point = origin): number {',
  '  const tag: string = ""; return tag.length + Math.hypot(a.x - b.x, a.y - b.y;',
  '}',
  '',
  'export class Shape<_T> {',
  '  sides: number = 0;',
  '  area(): number { return 0; }',
  '}',
  'const origin: Point = { x: 0, y: 0 };',
}
local file = project .. '/src/nested/geometry.ts'
vim.fn.writefile(lines, file)
vim.fn.writefile({ 'export const answer = 42;' }, project .. '/src/other.js')
vim.fn.writefile({ 'not code' }, project .. '/notes.txt')

-- a small multi-file project (workspace_test.lua), on disk before the server starts and indexes it
local test_dir = debug.getinfo(1, 'S').source:sub(2):match('^(.*)/[^/]*$')
local xfile_fixture = test_dir .. '/../../../server/src/test/resources/workspace/rename/src'
vim.fn.mkdir(project .. '/xfile', 'p')
for _, name in ipairs({ 'shapes.ts', 'barrel.ts', 'app.ts', 'user.ts', 'deep.ts' }) do
  vim.fn.writefile(vim.fn.readfile(xfile_fixture .. '/' .. name, 'b'), project .. '/xfile/' .. name, 'b')
end
-- members declared in another file (workspace_test.lua): a copy of server/src/test/resources/workspace/members/src
vim.fn.mkdir(project .. '/members', 'p')
for _, name in ipairs({ 'geo.ts', 'app.ts' }) do
  vim.fn.writefile(vim.fn.readfile(xfile_fixture .. '/../../members/src/' .. name, 'b'), project .. '/members/' .. name, 'b')
end
-- members of instances of imported types (workspace_test.lua): server/src/test/resources/workspace/instances/src
vim.fn.mkdir(project .. '/instances', 'p')
for _, name in ipairs({ 'service.ts', 'Card.tsx', 'app.tsx' }) do
  vim.fn.writefile(vim.fn.readfile(xfile_fixture .. '/../../instances/src/' .. name, 'b'), project .. '/instances/' .. name, 'b')
end

-- names imported from another file, coloured by what they declare (structure_test.lua's semantic tokens)
vim.fn.mkdir(project .. '/tokens', 'p')
vim.fn.writefile({
  'export class Widget { size = 1; }',
  'export interface Options { size: number }',
  'export enum Color { Red }',
  'export function make(): Widget { return new Widget(); }',
}, project .. '/tokens/kinds.ts')
vim.fn.writefile({
  "import { Widget, Options, Color, make } from './kinds';",
  'const w: Widget = make();',
  'export const o: Options = { size: w.size };',
  'export const c = Color.Red;',
}, project .. '/tokens/use.ts')

-- a default export and a file importing it (actions_test.lua converts it), indexed while the importer is closed
vim.fn.mkdir(project .. '/actions', 'p')
vim.fn.writefile({ 'export default function greet(name: string): string {', '    return "hi " + name;', '}' }, project .. '/actions/greet.ts')
vim.fn.writefile({ 'import greet from "./greet";', '', 'export const welcome = greet("you");' }, project .. '/actions/welcome.ts')
-- a function whose parameters actions_test.lua makes one object, called from a closed file
vim.fn.writefile({ 'export function surface(width: number, height = 1): number {', '    return width * height;', '}' }, project .. '/actions/surface.ts')
vim.fn.writefile({ 'import { surface } from "./surface";', '', 'export const room = surface(3, 4);' }, project .. '/actions/room.ts')
-- a function whose references a code lens counts, one of them in a closed file
vim.fn.writefile({ 'export function twice(n: number): number {', '    return n * 2;', '}', 'export const four = twice(2);' }, project .. '/actions/lens.ts')
vim.fn.writefile({ 'import { twice } from "./lens";', '', 'export const six = twice(3);' }, project .. '/actions/lens_use.ts')

vim.cmd('filetype on')
local arena = require('arena_ls')
arena.setup {
  cmd = { java, '-XX:+UseSerialGC', '-Xlog:disable', '-Xlog:all=warning:stderr', '-jar', jar },
  -- code lenses on, as a user turns them on (actions_test.lua runs one)
  init_options = { codeLens = { references = true } },
}

local function clients(bufnr)
  return arena.get_clients({ name = 'arena_ls', bufnr = bufnr })
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client

check('starts the server for a typescript buffer, rooted at the package.json directory', function()
  eq(vim.bo[buf].filetype, 'typescript', 'filetype')
  wait_for('the client to attach', function() return #clients(buf) == 1 end)
  client = clients(buf)[1]
  wait_for('initialize', function() return client.server_capabilities ~= nil end)
  eq(client.config.root_dir, project, 'root_dir')
end)

check('publishes the syntax error as a diagnostic', function()
  wait_for('diagnostics', function() return #vim.diagnostic.get(buf) > 0 end)
  local d = vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR })[1]
  eq(d.severity, vim.diagnostic.severity.ERROR, 'severity')
  eq(d.lnum, 5, 'line (0-based)')
  eq(d.source, 'arena-ls', 'source')
end)

check('answers textDocument/documentSymbol with a hierarchy', function()
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf) }
  local res = truthy(vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', params, WAIT), 'no answer')
  local symbols = truthy(res[client.id] and res[client.id].result, 'no result: ' .. vim.inspect(res))
  local names, shape = {}, nil
  for _, s in ipairs(symbols) do
    table.insert(names, s.name)
    if s.name == 'Shape' then shape = s end
  end
  truthy(vim.tbl_contains(names, 'distance'), 'distance in ' .. vim.inspect(names))
  truthy(shape and shape.kind == 5, 'class Shape in ' .. vim.inspect(names))
  local members = vim.tbl_map(function(s) return s.name end, shape.children or {})
  truthy(vim.tbl_contains(members, 'area') and vim.tbl_contains(members, 'sides'), 'members ' .. vim.inspect(members))
end)

local function hover_at(row, col) -- row 1-based, col 0-based byte, like nvim_win_set_cursor
  vim.api.nvim_win_set_cursor(0, { row, col })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local res = truthy(vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, WAIT), 'no answer')
  local h = truthy(res[client.id] and res[client.id].result, 'no hover: ' .. vim.inspect(res))
  eq(h.contents.kind, 'markdown', 'hover kind')
  return h
end

check('answers hover with a typescript block and the JSDoc', function()
  local h = hover_at(5, 18)
  truthy(h.contents.value:find('```typescript\n', 1, true), 'no typescript block: ' .. h.contents.value)
  truthy(h.contents.value:find('function distance(a: Point, b: Point = origin): number\n', 1, true), h.contents.value)
  truthy(h.contents.value:find('Distance between two points.', 1, true), h.contents.value)
end)

check('clears the diagnostics after edits (with an emoji before the fix) repair the file', function()
  local line = vim.api.nvim_buf_get_lines(buf, 5, 6, true)[1]
  local quote = line:find('""', 1, true) -- 1-based byte index of the first quote
  vim.api.nvim_buf_set_text(buf, 5, quote, 5, quote, { '😀 é' })
  line = vim.api.nvim_buf_get_lines(buf, 5, 6, true)[1]
  local semicolon = #line - 1 -- the last byte is the `;` that should follow `)`
  eq(line:sub(semicolon + 1), ';', 'the line ends with ;')
  -- the error is still there after the first edit
  vim.wait(500)
  truthy(#vim.diagnostic.get(buf) > 0, 'still broken after the emoji')
  vim.api.nvim_buf_set_text(buf, 5, semicolon, 5, semicolon, { ')' })
  wait_for('the diagnostics to clear', function() return #vim.diagnostic.get(buf) == 0 end)
  -- and the server's text matches the buffer: hover on `a` after the emoji, UTF-16 columns
  line = vim.api.nvim_buf_get_lines(buf, 5, 6, true)[1]
  local a = line:find('a.x', 1, true) - 1
  local h = hover_at(6, a)
  truthy(h.contents.value:find('(parameter) a', 1, true), h.contents.value)
  local u32, u16
  if vim.fn.has('nvim-0.11') == 1 then
    u32, u16 = vim.str_utfindex(line, 'utf-32', a), vim.str_utfindex(line, 'utf-16', a)
  else
    u32, u16 = vim.str_utfindex(line, a) -- 0.7-0.10: (UTF-32 index, UTF-16 index)
  end
  local expected = ({ ['utf-8'] = a, ['utf-16'] = u16, ['utf-32'] = u32 })[client.offset_encoding]
  eq(h.range.start.character, expected, 'hover range start (' .. client.offset_encoding .. ')')
  truthy(u16 < a, 'the emoji and é make the UTF-16 column smaller than the byte column')
end)

check('reuses the client for another file of the root, and skips other filetypes', function()
  vim.cmd('edit ' .. vim.fn.fnameescape(project .. '/src/other.js'))
  local js = vim.api.nvim_get_current_buf()
  eq(vim.bo[js].filetype, 'javascript', 'filetype')
  wait_for('the js buffer to attach', function() return #clients(js) == 1 end)
  eq(clients(js)[1].id, client.id, 'same client')
  eq(#arena.get_clients({ name = 'arena_ls' }), 1, 'one server for the project')
  vim.cmd('edit ' .. vim.fn.fnameescape(project .. '/notes.txt'))
  local txt = vim.api.nvim_get_current_buf()
  vim.wait(300)
  eq(#clients(txt), 0, 'clients on a text buffer')
end)

check('finds roots by marker, nearest first', function()
  eq(arena.find_root(file, { 'package.json' }), project, 'package.json root')
  eq(arena.find_root(file, { 'no-such-marker' }), nil, 'no marker')
  vim.fn.writefile({ '{}' }, project .. '/src/tsconfig.json')
  eq(arena.find_root(file, { 'tsconfig.json', 'package.json' }), project .. '/src', 'nearest marker')
end)

check('defaults: arena-ls on PATH, else java -jar $ARENA_LS_JAR', function()
  local cmd = arena.default_cmd()
  if vim.fn.executable('arena-ls') == 1 then
    eq(cmd[1], 'arena-ls', 'cmd')
  else
    eq(cmd[#cmd - 1] .. ' ' .. cmd[#cmd], '-jar ' .. jar, 'cmd')
  end
  eq(table.concat(arena.defaults.root_markers, ' '), 'tsconfig.json jsconfig.json package.json .git', 'root markers')
  for _, ft in ipairs({ 'javascript', 'javascriptreact', 'typescript', 'typescriptreact' }) do
    truthy(vim.tbl_contains(arena.defaults.filetypes, ft), ft)
  end
end)

-- navigation on the TS and JS fixtures, through the same client (navigation_test.lua)
dofile(test_dir .. '/navigation_test.lua') {
  check = check, eq = eq, truthy = truthy, wait_for = wait_for, WAIT = WAIT,
  project = project, clients = clients, client = client,
}

-- lsp/arena_ls.lua and :checkhealth arena_ls (config_test.lua)
dofile(test_dir .. '/config_test.lua') {
  check = check, eq = eq, truthy = truthy, wait_for = wait_for, WAIT = WAIT,
  project = project, client = client, server_cmd = arena.config.cmd,
}

-- navigation across the files of xfile/ (workspace_test.lua)
dofile(test_dir .. '/workspace_test.lua') {
  check = check, eq = eq, truthy = truthy, wait_for = wait_for, WAIT = WAIT,
  project = project, clients = clients, client = client,
}

-- folding ranges and semantic tokens as raw requests (structure_test.lua)
dofile(test_dir .. '/structure_test.lua') {
  check = check, eq = eq, truthy = truthy, wait_for = wait_for, WAIT = WAIT,
  project = project, clients = clients,
}

-- completion through the same client (completion_test.lua)
dofile(test_dir .. '/completion_test.lua') {
  check = check, eq = eq, truthy = truthy, wait_for = wait_for, WAIT = WAIT,
  project = project, clients = clients, client = client,
}

-- unused hints, signature help and code actions on the assist fixtures (assist_test.lua)
dofile(test_dir .. '/assist_test.lua') {
  check = check, eq = eq, truthy = truthy, wait_for = wait_for, WAIT = WAIT,
  project = project, clients = clients, client = client,
}

-- generate accessors, extract to interface, unreachable code, add async, imports and fixes on save,
-- the doc comment template, enum hover: each as a user reaches it (actions_test.lua)
dofile(test_dir .. '/actions_test.lua') {
  check = check, eq = eq, truthy = truthy, wait_for = wait_for, WAIT = WAIT,
  project = project, clients = clients, client = client,
}

-- formatting with vim.lsp.buf.format (format_test.lua)
dofile(test_dir .. '/format_test.lua') {
  check = check, eq = eq, truthy = truthy, wait_for = wait_for, WAIT = WAIT,
  project = project, clients = clients, client = client,
}

check('stops the server', function()
  local id = client.id
  arena.stop()
  wait_for('the client to stop', function()
    local c = vim.lsp.get_client_by_id(id)
    return c == nil or c:is_stopped()
  end)
end)

watchdog:stop()
finish()
