-- Navigation across files through the plugin in headless Neovim (0.7.2 and newer), run by
-- arena_ls_test.lua while its server is up. The project's xfile/ directory holds a copy of
-- server/src/test/resources/workspace/rename/src, written before the server started, so the
-- workspace index has it: vim.lsp.buf.definition() opens the declaring file, textDocument/references
-- lists every importer, and vim.lsp.buf.rename(new_name) edits every file, deep.ts included, which
-- no buffer held before the rename.
return function(t)
  local check, eq, truthy, wait_for, WAIT = t.check, t.eq, t.truthy, t.wait_for, t.WAIT
  local dir = t.project .. '/xfile'
  local client = t.client

  local function path_of(name) return dir .. '/' .. name end

  local function lines_of(name)
    local b = vim.fn.bufnr(path_of(name))
    if b < 0 or not vim.api.nvim_buf_is_loaded(b) then return nil end
    return vim.api.nvim_buf_get_lines(b, 0, -1, true)
  end

  local app

  -- puts the cursor on the `nth` `needle` of 1-based `row` in buffer b
  local function cursor_on(b, row, needle, nth)
    local l, col = vim.api.nvim_buf_get_lines(b, row - 1, row, true)[1], 0
    for _ = 1, nth or 1 do
      col = truthy(l:find(needle, col + 1, true), needle .. ' on line ' .. row .. ': ' .. l)
    end
    vim.api.nvim_win_set_buf(0, b)
    vim.api.nvim_win_set_cursor(0, { row, col - 1 })
  end

  check('workspace: vim.lsp.buf.definition() opens the declaring file of an imported name', function()
    truthy(vim.fn.bufnr(path_of('deep.ts')) < 0, 'deep.ts is in no buffer yet')
    vim.cmd('edit ' .. vim.fn.fnameescape(path_of('app.ts')))
    app = vim.api.nvim_get_current_buf()
    wait_for('app.ts to attach', function() return #t.clients(app) == 1 end)
    eq(t.clients(app)[1].id, client.id, 'the project\'s one client')
    cursor_on(app, 7, 'area', 1) -- area(2)
    vim.lsp.buf.definition()
    wait_for('the jump to shapes.ts', function() return vim.api.nvim_buf_get_name(0) == path_of('shapes.ts') end)
    eq(table.concat(vim.api.nvim_win_get_cursor(0), ':'), '1:16', 'cursor on `area` of export function area')
  end)

  check('workspace: textDocument/references lists every importer, through the barrel and namespaces', function()
    cursor_on(app, 1, 'area', 1)
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    params.context = { includeDeclaration = true }
    local res = truthy(vim.lsp.buf_request_sync(app, 'textDocument/references', params, WAIT), 'no answer')
    local r = truthy(res[client.id] and res[client.id].result, 'no result: ' .. vim.inspect(res))
    local got = {}
    for _, loc in ipairs(r) do
      local name = vim.uri_to_fname(loc.uri):match('[^/]*$')
      table.insert(got, ('%s:%d:%d'):format(name, loc.range.start.line, loc.range.start.character))
    end
    table.sort(got)
    eq(table.concat(got, ' '), 'app.ts:0:9 app.ts:1:17 app.ts:1:9 app.ts:5:17 app.ts:6:0 app.ts:6:10 app.ts:6:27 barrel.ts:0:9 barrel.ts:1:9 '
      .. 'deep.ts:0:9 deep.ts:2:0 shapes.ts:0:16 user.ts:0:15 user.ts:0:9 user.ts:3:0 user.ts:3:10 user.ts:3:32 user.ts:5:9', 'references')
  end)

  check('workspace: callHierarchy/incomingCalls lists the calls of every importer', function()
    cursor_on(app, 7, 'area', 1) -- area(2)
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    local res = truthy(vim.lsp.buf_request_sync(app, 'textDocument/prepareCallHierarchy', params, WAIT), 'no answer')
    local items = truthy(res[client.id] and res[client.id].result, 'no items: ' .. vim.inspect(res))
    eq(#items, 1, 'one item')
    eq(items[1].name .. '@' .. vim.uri_to_fname(items[1].uri):match('[^/]*$'), 'area@shapes.ts', 'the declaration')
    local calls = vim.lsp.buf_request_sync(app, 'callHierarchy/incomingCalls', { item = items[1] }, WAIT)
    local incoming = truthy(calls[client.id] and calls[client.id].result, 'no incoming calls: ' .. vim.inspect(calls))
    local files = {}
    for _, c in ipairs(incoming) do table.insert(files, vim.uri_to_fname(c.from.uri):match('[^/]*$') .. ':' .. #c.fromRanges) end
    table.sort(files)
    eq(table.concat(files, ' '), 'app.ts:3 deep.ts:1 user.ts:3', 'callers by file, with their number of calls')
  end)

  check('workspace: vim.lsp.buf.rename(new_name) edits every file, one that was not open included', function()
    cursor_on(app, 7, 'area', 1)
    vim.lsp.buf.rename('extent')
    wait_for('the rename to reach deep.ts', function()
      local l = lines_of('deep.ts')
      return l ~= nil and l[1] == 'import { extent } from "./user";'
    end)
    eq(table.concat(lines_of('deep.ts'), '\n'), 'import { extent } from "./user";\n\nextent(5);', 'deep.ts')
    eq(table.concat(lines_of('app.ts'), '\n'), table.concat({
      'import { extent } from "./shapes";',
      'import { extent as size } from "./shapes";',
      'import * as shapes from "./shapes";',
      'import paint from "./shapes";',
      '',
      'const result = { area: extent };',
      'extent(2) + size(3) + shapes.extent(4);',
      'paint();',
    }, '\n'), 'app.ts')
    eq(lines_of('shapes.ts')[1], 'export function extent(r: number): number {', 'shapes.ts')
    eq(lines_of('barrel.ts')[1] .. ' | ' .. lines_of('barrel.ts')[2], 'export { extent } from "./shapes"; | export { extent as surface } from "./shapes";', 'barrel.ts')
    eq(lines_of('user.ts')[4], 'extent(1) + surface(2) + geometry.extent(3);', 'user.ts')
    eq(lines_of('user.ts')[6], 'export { extent };', 'user.ts export')
  end)

  -- members/ holds server/src/test/resources/workspace/members/src: geo.ts declares, app.ts uses
  local members = t.project .. '/members'

  check('workspace: definition and signature help reach a member of a namespace imported by name', function()
    vim.cmd('edit ' .. vim.fn.fnameescape(members .. '/app.ts'))
    local b = vim.api.nvim_get_current_buf()
    wait_for('members/app.ts to attach', function() return #t.clients(b) == 1 end)
    cursor_on(b, 5, 'area', 1) -- Shapes.area(3, 4)
    vim.api.nvim_win_set_cursor(0, { 5, vim.api.nvim_win_get_cursor(0)[2] + #'area(' })
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    local res = truthy(vim.lsp.buf_request_sync(b, 'textDocument/signatureHelp', params, WAIT), 'no answer')
    local help = truthy(res[client.id] and res[client.id].result, 'no signature help: ' .. vim.inspect(res))
    eq(help.signatures[(help.activeSignature or 0) + 1].label, 'area(width: number, height: number)', 'the static method\'s signature')
    cursor_on(b, 4, 'distance', 1) -- Geometry.distance(1, 2)
    vim.lsp.buf.definition()
    wait_for('the jump to geo.ts', function() return vim.api.nvim_buf_get_name(0) == members .. '/geo.ts' end)
    eq(table.concat(vim.api.nvim_win_get_cursor(0), ':'), '3:18', 'cursor on `distance` inside namespace Geometry')
  end)

  -- instances/ holds server/src/test/resources/workspace/instances/src: service.ts and Card.tsx declare, app.tsx uses
  local instances = t.project .. '/instances'

  check('workspace: definition of a method of an imported class from an instance, and of a JSX prop', function()
    vim.cmd('edit ' .. vim.fn.fnameescape(instances .. '/app.tsx'))
    local b = vim.api.nvim_get_current_buf()
    wait_for('instances/app.tsx to attach', function() return #t.clients(b) == 1 end)
    cursor_on(b, 5, 'load', 1) -- service.load(1)
    vim.lsp.buf.definition()
    wait_for('the jump to service.ts', function() return vim.api.nvim_buf_get_name(0) == instances .. '/service.ts' end)
    eq(table.concat(vim.api.nvim_win_get_cursor(0), ':'), '6:2', 'cursor on `load` of class UserService')
    cursor_on(b, 6, 'title', 1) -- <Card … title="Profile" />
    vim.lsp.buf.definition()
    wait_for('the jump to Card.tsx', function() return vim.api.nvim_buf_get_name(0) == instances .. '/Card.tsx' end)
    eq(table.concat(vim.api.nvim_win_get_cursor(0), ':'), '3:41', 'cursor on `title` of interface CardProps')
  end)

  check('workspace: definition of a member of an imported interface reached through a method\'s return type', function()
    vim.cmd('edit ' .. vim.fn.fnameescape(instances .. '/app.tsx'))
    local b = vim.api.nvim_get_current_buf()
    wait_for('instances/app.tsx to attach', function() return #t.clients(b) == 1 end)
    cursor_on(b, 7, 'name', 1) -- user.name where user = service.load(1)!
    vim.lsp.buf.definition()
    wait_for('the jump to service.ts', function() return vim.api.nvim_buf_get_name(0) == instances .. '/service.ts' end)
    eq(table.concat(vim.api.nvim_win_get_cursor(0), ':'), '1:36', 'cursor on `name` of interface User')
  end)
end
