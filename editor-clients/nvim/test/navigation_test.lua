-- Navigation through the plugin in headless Neovim (0.7.2 and newer), run by arena_ls_test.lua while
-- its server is up: vim.lsp.buf.definition() moves the cursor, textDocument/references through
-- vim.lsp.buf_request_sync, vim.lsp.buf.rename(new_name) and the rename request applied with
-- vim.lsp.util.apply_workspace_edit change the buffer text exactly, a refused rename is an error and
-- changes nothing; on the TypeScript and JavaScript fixtures of server/src/test/resources/navigation.
--
-- Neovim 0.7: vim.lsp.buf.rename(new_name) takes the name as its only argument (0.8 adds opts), and
-- vim.lsp.util.apply_workspace_edit / make_position_params want the client's offset_encoding.
return function(t)
  local check, eq, truthy, wait_for, WAIT = t.check, t.eq, t.truthy, t.wait_for, t.WAIT
  local here = debug.getinfo(1, 'S').source:sub(2):match('^(.*)/[^/]*$')
  local fixtures = vim.fn.fnamemodify(here .. '/../../../server/src/test/resources/navigation', ':p'):gsub('/$', '')
  -- outside src/ (where an earlier check put a tsconfig.json): rooted at the project, same client
  local dir = t.project .. '/nav'
  vim.fn.mkdir(dir, 'p')
  for _, name in ipairs({ 'shapes.ts', 'app.js' }) do
    vim.fn.writefile(vim.fn.readfile(fixtures .. '/' .. name, 'b'), dir .. '/' .. name, 'b')
  end

  local ts, js, client

  local function open(name, filetype)
    vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/' .. name))
    local b = vim.api.nvim_get_current_buf()
    eq(vim.bo[b].filetype, filetype, 'filetype of ' .. name)
    wait_for(name .. ' to attach', function() return #t.clients(b) == 1 end)
    client = t.clients(b)[1]
    eq(client.id, t.client.id, 'the project\'s one client')
    -- the fixture parses clean (diagnostics are published for it, empty)
    vim.wait(300)
    -- errors only (unused-name hints are expected); shapes.ts imports "./canvas", deliberately
    -- missing (the import is the definition target of `draw`), so TS2307 is expected there
    local errors = vim.tbl_filter(function(d) return d.code ~= 2307 end,
      vim.diagnostic.get(b, { severity = vim.diagnostic.severity.ERROR }))
    eq(#errors, 0, 'errors in ' .. name)
    return b
  end

  local function line(b, row) -- 1-based
    return vim.api.nvim_buf_get_lines(b, row - 1, row, true)[1]
  end

  -- puts the cursor on the `nth` `needle` of 1-based `row` (plus `shift` bytes); returns the column
  local function cursor_on(b, row, needle, nth, shift)
    local l, col = line(b, row), 0
    for _ = 1, nth or 1 do
      col = truthy(l:find(needle, col + 1, true), needle .. ' on line ' .. row .. ': ' .. l)
    end
    vim.api.nvim_win_set_buf(0, b)
    vim.api.nvim_win_set_cursor(0, { row, col - 1 + (shift or 0) })
    return col - 1
  end

  local function definition_moves(b, row, needle, nth, want)
    cursor_on(b, row, needle, nth)
    local from = vim.api.nvim_win_get_cursor(0)
    vim.lsp.buf.definition()
    local ok = vim.wait(WAIT, function()
      local c = vim.api.nvim_win_get_cursor(0)
      return c[1] ~= from[1] or c[2] ~= from[2]
    end, 20)
    truthy(ok, ('definition of %s on line %d: the cursor stayed at %s'):format(needle, row, vim.inspect(from)))
    eq(vim.api.nvim_get_current_buf(), b, 'same buffer')
    eq(table.concat(vim.api.nvim_win_get_cursor(0), ':'), table.concat(want, ':'), 'cursor after definition of ' .. needle .. ' (line:byte col)')
  end

  local function request(b, method, params)
    local res = truthy(vim.lsp.buf_request_sync(b, method, params, WAIT), 'no answer to ' .. method)
    local r = truthy(res[client.id], method .. ': no response from the client: ' .. vim.inspect(res))
    -- an error response is `error` in Neovim 0.7-0.9's buf_request_sync, `err` from 0.10
    return { err = r.err or r.error, result = r.result }
  end

  local function position_params(b, row, needle, nth)
    cursor_on(b, row, needle, nth)
    return vim.lsp.util.make_position_params(0, client.offset_encoding)
  end

  -- locations as 'line:character-line:character' strings (0-based, LSP), all in buffer b
  local function spans(b, locations)
    local out = {}
    for _, loc in ipairs(truthy(locations, 'no locations')) do
      eq(loc.uri, vim.uri_from_bufnr(b), 'uri')
      local r = loc.range
      table.insert(out, ('%d:%d-%d:%d'):format(r.start.line, r.start.character, r['end'].line, r['end'].character))
    end
    return table.concat(out, ' ')
  end

  local function references(b, row, needle, nth, include)
    local params = position_params(b, row, needle, nth)
    params.context = { includeDeclaration = include }
    local r = request(b, 'textDocument/references', params)
    eq(r.err, nil, 'references error')
    return spans(b, r.result)
  end

  -- ---- TypeScript ----
  check('navigation (ts): vim.lsp.buf.definition() jumps to an import alias, a class, a namespace member, a private field', function()
    ts = open('shapes.ts', 'typescript')
    eq(client.offset_encoding, 'utf-16', 'offset encoding') -- the fixtures are ASCII; columns = bytes
    definition_moves(ts, 45, 'draw', 1, { 3, 19 })      -- draw(…) → import { render as draw }
    definition_moves(ts, 44, 'Circle', 1, { 24, 6 })    -- new Circle(…) → class Circle
    definition_moves(ts, 31, 'unit', 1, { 18, 15 })     -- Geometry.unit → export const unit
    definition_moves(ts, 28, '#radius', 1, { 25, 2 })   -- this.#radius → #radius: number;
    definition_moves(ts, 43, 'Square', 1, { 14, 2 })    -- Kind.Square → the enum member
  end)

  check('navigation (ts): textDocument/references with and without the declaration', function()
    local uses = '37:9-37:13 37:32-37:36 37:45-37:49 39:9-39:13'
    eq(references(ts, 36, 'best', 1, true), '35:6-35:10 ' .. uses, 'references of best with the declaration')
    eq(references(ts, 40, 'best', 1, false), uses, 'references of best without the declaration')
    -- the merged interface Shape: both declarations and every use
    eq(references(ts, 24, 'Shape', 1, true), '4:17-4:22 7:17-7:22 23:24-23:29 34:27-34:32 43:14-43:19', 'references of Shape')
  end)

  check('navigation (ts): vim.lsp.buf.rename(new_name) edits the declaration, the call and the export specifier', function()
    cursor_on(ts, 35, 'largest', 1, 2)
    vim.lsp.buf.rename('biggest')
    wait_for('the rename to apply', function() return line(ts, 46) ~= 'export { Circle, largest };' end)
    eq(line(ts, 35), 'function biggest<T extends Shape>(shapes: T[]): T | undefined {', 'line 35')
    eq(line(ts, 45), 'draw(biggest([circle]), kind);', 'line 45')
    eq(line(ts, 46), 'export { Circle, biggest as largest };', 'line 46')
    eq(vim.api.nvim_buf_line_count(ts), 46, 'line count')
    -- the server follows the edit Neovim sent: definition of the new name from the call
    definition_moves(ts, 45, 'biggest', 1, { 35, 9 })
  end)

  -- ---- JavaScript ----
  check('navigation (js): vim.lsp.buf.definition() jumps to an import, a label, a field, an object literal member', function()
    js = open('app.js', 'javascript')
    definition_moves(js, 15, 'format', 1, { 2, 9 })     -- format(parts) → import { format }
    definition_moves(js, 11, 'outer', 1, { 9, 2 })      -- continue outer → outer:
    definition_moves(js, 22, 'count', 1, { 19, 2 })     -- this.count → count = 0;
    definition_moves(js, 6, 'depth', 2, { 4, 35 })      -- settings.depth → depth: 2
  end)

  check('navigation (js): textDocument/references of a loop variable used in a shorthand property', function()
    eq(references(js, 9, 'key', 1, true), '8:20-8:23 10:10-10:13 12:17-12:20', 'references of key with the declaration')
    eq(references(js, 13, 'key', 1, false), '10:10-10:13 12:17-12:20', 'references of key without the declaration')
  end)

  check('navigation (js): documentHighlight kinds of a loop counter', function()
    local r = request(js, 'textDocument/documentHighlight', position_params(js, 10, 'i <'))
    local got = {}
    for _, h in ipairs(r.result or {}) do
      table.insert(got, ('%d:%d-%d %d'):format(h.range.start.line, h.range.start.character, h.range['end'].character, h.kind))
    end
    eq(table.concat(got, ', '), '9:13-14 3, 9:20-21 2, 9:31-32 3', 'highlights (line:start-end kind)')
  end)

  check('navigation (js): vim.lsp.buf.rename on a destructuring shorthand keeps the property: { verbose: loud }', function()
    cursor_on(js, 7, 'verbose')
    vim.lsp.buf.rename('loud')
    wait_for('the rename to apply', function() return line(js, 13) ~= '    parts.push({ key, verbose });' end)
    eq(line(js, 7), '  const { verbose: loud } = settings;', 'line 7')
    eq(line(js, 13), '    parts.push({ key, verbose: loud });', 'line 13')
  end)

  check('navigation (js): the rename request applied with vim.lsp.util.apply_workspace_edit: { key } → { key: name }', function()
    local params = position_params(js, 9, 'key')
    params.newName = 'name'
    local r = request(js, 'textDocument/rename', params)
    eq(r.err, nil, 'rename error')
    vim.lsp.util.apply_workspace_edit(truthy(r.result, 'no edit'), client.offset_encoding)
    eq(line(js, 9), '  outer: for (const name of Object.keys(value)) {', 'line 9')
    eq(line(js, 11), '      if (name.startsWith("_")) continue outer;', 'line 11')
    eq(line(js, 13), '    parts.push({ key: name, verbose: loud });', 'line 13')
    -- and the server saw both renames: references of `name` from its use in the shorthand's value
    eq(references(js, 13, 'name', 1, true), '8:20-8:24 10:10-10:14 12:22-12:26', 'references of name')
  end)

  check('navigation (js): a refused rename is an error response and leaves the buffer as it was', function()
    local before = table.concat(vim.api.nvim_buf_get_lines(js, 0, -1, true), '\n')
    local params = position_params(js, 6, 'describe')
    params.newName = 'not-a-name'
    local r = request(js, 'textDocument/rename', params)
    eq(r.result, nil, 'no edit')
    eq(r.err and r.err.code, -32803, 'RequestFailed')
    eq(r.err.message, 'cannot rename to `not-a-name`: it is not an identifier', 'message')
    -- through vim.lsp.buf.rename too: the user is shown the server's reason, nothing is applied
    local shown = {}
    local notify = vim.notify
    vim.notify = function(msg, level) table.insert(shown, { msg = msg, level = level }) end
    local ok, err = pcall(function()
      cursor_on(js, 6, 'describe')
      vim.lsp.buf.rename('class')
      wait_for('the error to be shown', function()
        for _, n in ipairs(shown) do
          if n.msg:find('cannot rename to `class`: it is a reserved word', 1, true) then return true end
        end
        return false
      end)
    end)
    vim.notify = notify
    if not ok then error(tostring(err) .. '; notifications: ' .. vim.inspect(shown), 0) end
    eq(shown[#shown].level, vim.log.levels.ERROR, 'notification level')
    vim.wait(200)
    eq(table.concat(vim.api.nvim_buf_get_lines(js, 0, -1, true), '\n'), before, 'buffer text')
  end)

  -- a real published file we did not write (zod's util.ts, from the pinned corpus the Maven build
  -- fetches): at names spread over it, a definition is the same name, the references hold the name
  -- asked about, and vim.lsp.buf.rename of a local name changes exactly its references
  local corpus = (os.getenv('ARENA_LS_NPM_CACHE') or (os.getenv('HOME') .. '/.cache/arena-ls/npm'))
      .. '/zod@4.6.7/package/src/v4/core/util.ts'
  if vim.fn.filereadable(corpus) == 0 then
    io.stdout:write('skip - navigation on a real file: ' .. corpus .. ' is not fetched (mvn verify fetches it)\n')
    return
  end
  check('navigation on a real file (zod util.ts): definition, references and rename', function()
    vim.fn.writefile(vim.fn.readfile(corpus, 'b'), dir .. '/util.ts', 'b')
    vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/util.ts'))
    local b = vim.api.nvim_get_current_buf()
    wait_for('util.ts to attach', function() return #t.clients(b) == 1 end)
    local uri = vim.uri_from_bufnr(b)
    local lines = vim.api.nvim_buf_get_lines(b, 0, -1, true)
    local function text_of(range) -- one-line ranges; the file is ASCII, so UTF-16 columns are bytes
      return lines[range.start.line + 1]:sub(range.start.character + 1, range['end'].character)
    end
    local keywords = {}
    for w in ([[export const let var function return if else for while type interface import from new typeof in of as
        extends case break throw true false null undefined this async await class keyof readonly declare string number
        boolean any unknown never void object switch default continue try catch finally delete instanceof]]):gmatch('%S+') do
      keywords[w] = true
    end
    local defined, best = 0, nil
    for k = 1, 40 do
      local row = math.floor(k * #lines / 41) + 1
      local col, name
      for c, w in lines[row]:gmatch('()([%a_$][%w_$]*)') do
        if not keywords[w] then col, name = c, w; break end
      end
      if col and not lines[row]:match('^%s*//') and not lines[row]:match('^%s*%*') then
        local params = { textDocument = { uri = uri }, position = { line = row - 1, character = col - 1 } }
        local defs = request(b, 'textDocument/definition', params).result or {}
        local local_defs = {}
        for _, d in ipairs(defs) do if d.uri == uri then table.insert(local_defs, d) end end
        if #defs > 0 then defined = defined + 1 end
        for _, d in ipairs(local_defs) do eq(text_of(d.range), name, ('definition of %s on line %d'):format(name, row)) end
        if #local_defs == #defs and #defs > 0 then
          params.context = { includeDeclaration = true }
          local refs = request(b, 'textDocument/references', params).result or {}
          local asked = false
          for _, r in ipairs(refs) do
            eq(r.uri, uri, 'a local name\'s references are in its file')
            eq(text_of(r.range), name, ('a reference of %s'):format(name))
            if r.range.start.line == row - 1 and r.range.start.character == col - 1 then asked = true end
          end
          truthy(asked, ('the references of %s on line %d hold it'):format(name, row))
          if #refs >= 2 and (best == nil or #refs > best.count) then best = { row = row, col = col, name = name, count = #refs } end
        end
      end
    end
    truthy(defined >= 10, ('definitions found at %d of 40 sampled lines'):format(defined))
    truthy(best, 'a local name with two or more references')
    vim.api.nvim_win_set_cursor(0, { best.row, best.col - 1 })
    vim.lsp.buf.rename(best.name .. 'Renamed')
    local pattern = '%f[%w_$]' .. best.name:gsub('%$', '%%$') .. 'Renamed%f[^%w_$]'
    local function count()
      local n = 0
      for _, l in ipairs(vim.api.nvim_buf_get_lines(b, 0, -1, true)) do
        for _ in l:gmatch(pattern) do n = n + 1 end
      end
      return n
    end
    wait_for('the rename to apply', function() return count() > 0 end)
    eq(count(), best.count, ('occurrences of %sRenamed'):format(best.name))
  end)
end
