-- The assists that only in-process tests covered, reached as a Neovim user reaches them through the
-- plugin, run by arena_ls_test.lua while its server is up: vim.lsp.buf.code_action with `only` at the
-- cursor (or over a selection) and the action picked in vim.ui.select by its title, then applied by
-- Neovim itself (generate accessors, extract to interface, remove an unused label / unreachable code,
-- add async, sort / remove unused / organize imports, convert a default export through
-- codeAction/resolve); the usual BufWritePre recipe asking for source.fixAll.ts and
-- source.removeUnused.ts by name on :write; the doc comment template after `/**` accepted as a completion engine does (the snippet parsed, its text edit applied); hover on an enum
-- member read from the floating window Neovim opens. The buffer's text after is the expectation.
return function(t)
  local check, eq, truthy, wait_for, WAIT = t.check, t.eq, t.truthy, t.wait_for, t.WAIT
  local dir = t.project .. '/actions'
  vim.fn.mkdir(dir, 'p')

  local function lines(b)
    return table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, true), '\n')
  end

  --- Writes `name` with `text` (lines joined by \n) and edits it; the buffer once the client is attached.
  local function open(name, text)
    local path = dir .. '/' .. name
    vim.fn.writefile(vim.split(text, '\n', { plain = true }), path)
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local b = vim.api.nvim_get_current_buf()
    wait_for(name .. ' to attach', function() return #t.clients(b) == 1 end)
    return b
  end

  --- Edits `name`, written before the server started; the buffer once the client is attached.
  local function open_existing(name)
    vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/' .. name))
    local b = vim.api.nvim_get_current_buf()
    wait_for(name .. ' to attach', function() return #t.clients(b) == 1 end)
    return b
  end

  --- The (1-based row, 0-based byte column) of the `nth` (default 1) occurrence of `needle`, as nvim_win_set_cursor takes it.
  local function find(b, needle, nth)
    local seen = 0
    for row, l in ipairs(vim.api.nvim_buf_get_lines(b, 0, -1, true)) do
      local from = 1
      while true do
        local at = l:find(needle, from, true)
        if not at then break end
        seen = seen + 1
        if seen == (nth or 1) then return { row, at - 1 } end
        from = at + 1
      end
    end
    error(('"%s" not in the buffer:\n%s'):format(needle, lines(b)), 2)
  end

  --- vim.lsp.buf.code_action as a user calls it (over `range` when given, {start, end} mark-indexed,
  --- end inclusive as a visual selection), answering its vim.ui.select with the action titled `title`.
  --- Returns the titles offered and the action chosen (as offered); Neovim applies it.
  local function code_action(b, only, title, range)
    local offered, picked
    local select = vim.ui.select
    vim.ui.select = function(items, opts, on_choice)
      offered = {}
      local chosen
      for _, item in ipairs(items) do
        local action = item.action or item[2] -- 0.10+: { action = …, ctx = … }; 0.7–0.9: { client_id, action }
        local label = opts.format_item and opts.format_item(item) or action.title
        table.insert(offered, label)
        if action.title == title then chosen, picked = item, action end
      end
      on_choice(chosen)
    end
    local before = vim.api.nvim_buf_get_changedtick(b)
    local ok, err = pcall(function()
      local context = { only = only }
      if vim.fn.has('nvim-0.8') == 1 then
        vim.lsp.buf.code_action({ context = context, range = range and { start = range[1], ['end'] = range[2] } or nil })
      elseif range then
        vim.lsp.buf.range_code_action(context, range[1], range[2])
      else
        vim.lsp.buf.code_action(context)
      end
      wait_for('the code actions', function() return offered ~= nil end)
      truthy(vim.tbl_contains(offered, title), ('"%s" among %s'):format(title, vim.inspect(offered)))
      wait_for('"' .. title .. '" to change the buffer', function() return vim.api.nvim_buf_get_changedtick(b) ~= before end)
    end)
    vim.ui.select = select
    if not ok then error(err, 0) end
    return offered, picked
  end

  local function hints(b)
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(b, { severity = vim.diagnostic.severity.HINT })) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(out, ('%d:%d %s %s tags=%s'):format(d.lnum, d.col, tostring(d.code or lsp.code), d.message, table.concat(lsp.tags or {}, ',')))
    end
    table.sort(out)
    return table.concat(out, ' | ')
  end

  check("actions: 'Generate get and set accessors' on a class field (vim.lsp.buf.code_action, refactor)", function()
    local b = open('point.ts', 'export class Point {\n    x: number = 0;\n}')
    vim.api.nvim_win_set_cursor(0, find(b, 'x:'))
    code_action(b, { 'refactor' }, "Generate 'get' and 'set' accessors")
    eq(lines(b), 'export class Point {\n    private _x: number = 0;\n    public get x(): number {\n        return this._x;\n    }\n'
      .. '    public set x(value: number) {\n        this._x = value;\n    }\n}', 'the class after')
  end)

  check('actions: a selected type literal extracted to an interface (range code action, refactor.extract)', function()
    local b = open('area.ts', 'export function area(box: { width: number; height: number }): number {\n    return box.width * box.height;\n}')
    local type = '{ width: number; height: number }'
    local from = find(b, type)
    code_action(b, { 'refactor.extract' }, 'Extract to interface', { from, { from[1], from[2] + #type - 1 } })
    eq(lines(b), 'interface NewType { width: number; height: number }\n\nexport function area(box: NewType): number {\n    return box.width * box.height;\n}', 'the file after')
  end)

  check('actions: unreachable code and an unused label are HINTs tagged Unnecessary, and their quick fixes remove them', function()
    local b = open('loop.ts', table.concat({
      'export function firstOver(limit: number, values: number[]): number {',
      '    scan: for (const v of values) {',
      '        if (v > limit) return v;',
      '    }',
      '    return -1;',
      '    console.log("not found");',
      '}',
    }, '\n'))
    wait_for('two hints', function() return #vim.diagnostic.get(b) == 2 end)
    eq(hints(b), '1:4 7028 Unused label. tags=1 | 5:4 7027 Unreachable code detected. tags=1', 'the hints')
    -- the cursor on the label's line: Neovim sends that line's diagnostics with the request
    vim.api.nvim_win_set_cursor(0, find(b, 'scan'))
    code_action(b, { 'quickfix' }, 'Remove unused label')
    eq(vim.api.nvim_buf_get_lines(b, 1, 2, true)[1], '    for (const v of values) {', 'the loop without its label')
    wait_for('one hint left', function() return #vim.diagnostic.get(b) == 1 end)
    vim.api.nvim_win_set_cursor(0, find(b, 'console'))
    code_action(b, { 'quickfix' }, 'Remove unreachable code')
    eq(lines(b), table.concat({
      'export function firstOver(limit: number, values: number[]): number {',
      '    for (const v of values) {',
      '        if (v > limit) return v;',
      '    }',
      '    return -1;',
      '}',
    }, '\n'), 'the function after')
    wait_for('the hints to clear', function() return #vim.diagnostic.get(b) == 0 end)
  end)

  check("actions: 'Add async modifier to containing function' on an await in a sync function", function()
    local b = open('load.ts', 'declare function fetchText(url: string): Promise<string>;\n\nexport function load(url: string): string {\n    return await fetchText(url);\n}')
    wait_for('the error on await', function() return #vim.diagnostic.get(b, { severity = vim.diagnostic.severity.ERROR }) == 1 end)
    local d = vim.diagnostic.get(b, { severity = vim.diagnostic.severity.ERROR })[1]
    eq(d.code, 1308, 'the code of ' .. d.message)
    vim.api.nvim_win_set_cursor(0, find(b, 'await'))
    code_action(b, { 'quickfix' }, 'Add async modifier to containing function')
    eq(vim.api.nvim_buf_get_lines(b, 2, 3, true)[1], 'export async function load(url: string): Promise<string> {', 'the function head')
    wait_for('the error to clear', function() return #vim.diagnostic.get(b, { severity = vim.diagnostic.severity.ERROR }) == 0 end)
  end)

  local imports = table.concat({
    'import { zip } from "zlib-lite";',
    'import { parse, unusedHelper } from "csv-kit";',
    'import { format } from "csv-kit";',
    'import gone from "left-pad";',
    '',
    'export const row = format(parse(zip("a,b")));',
  }, '\n')
  for _, case in ipairs({
    { 'source.sortImports', 'Sort Imports', 'import { format, parse, unusedHelper } from "csv-kit";\nimport gone from "left-pad";\nimport { zip } from "zlib-lite";\n\nexport const row = format(parse(zip("a,b")));' },
    { 'source.removeUnusedImports.ts', 'Remove Unused Imports', 'import { zip } from "zlib-lite";\nimport { parse } from "csv-kit";\nimport { format } from "csv-kit";\n\nexport const row = format(parse(zip("a,b")));' },
    { 'source.organizeImports', 'Organize Imports', 'import { format, parse } from "csv-kit";\nimport { zip } from "zlib-lite";\n\nexport const row = format(parse(zip("a,b")));' },
  }) do
    local kind, title, expected = case[1], case[2], case[3]
    check('actions: ' .. kind .. ' asked for by name (vim.lsp.buf.code_action)', function()
      local b = open('imports-' .. kind .. '.ts', imports)
      vim.api.nvim_win_set_cursor(0, { 1, 0 })
      local offered = code_action(b, { kind }, title)
      eq(#offered, 1, 'one action for ' .. kind .. ': ' .. vim.inspect(offered))
      eq(lines(b), expected, 'the imports after ' .. title)
    end)
  end

  --- The usual Neovim recipe for code actions on save: a BufWritePre autocmd that asks for `kind`
  --- synchronously and applies every edit; then :write.
  local function write_with_action_on_save(b, kind)
    local group = vim.api.nvim_create_augroup('arena_ls_test_on_save', { clear = true })
    local applied = 0
    vim.api.nvim_create_autocmd('BufWritePre', {
      group = group, buffer = b,
      callback = function()
        local client = t.clients(b)[1]
        local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
        params.context = { only = { kind }, diagnostics = {} }
        local res = vim.lsp.buf_request_sync(b, 'textDocument/codeAction', params, WAIT) or {}
        for _, r in pairs(res) do
          for _, action in ipairs(r.result or {}) do
            if action.edit then
              vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
              applied = applied + 1
            end
          end
        end
      end,
    })
    vim.cmd('silent write')
    vim.api.nvim_del_augroup_by_id(group)
    return applied
  end

  check('actions: source.fixAll.ts on :write makes the function async once and drops the unreachable code', function()
    local b = open('fixall.ts', table.concat({
      'declare function first(): Promise<number>;',
      'declare function second(): Promise<number>;',
      '',
      'export function sum(): number {',
      '    const a = await first();',
      '    const b = await second();',
      '    return a + b;',
      '    console.log(a);',
      '}',
    }, '\n'))
    wait_for('the two await errors', function() return #vim.diagnostic.get(b, { severity = vim.diagnostic.severity.ERROR }) == 2 end)
    eq(write_with_action_on_save(b, 'source.fixAll.ts'), 1, 'actions applied on save')
    local expected = table.concat({
      'declare function first(): Promise<number>;',
      'declare function second(): Promise<number>;',
      '',
      'export async function sum(): Promise<number> {',
      '    const a = await first();',
      '    const b = await second();',
      '    return a + b;',
      '}',
    }, '\n')
    eq(lines(b), expected, 'the buffer after saving')
    eq(table.concat(vim.fn.readfile(dir .. '/fixall.ts'), '\n'), expected, 'the file written')
    wait_for('the diagnostics to clear', function() return #vim.diagnostic.get(b) == 0 end)
  end)

  check('actions: source.removeUnused.ts on :write removes every unused declaration', function()
    local b = open('unused.ts', table.concat({
      'import { used, spare } from "toolkit";',
      'import extra from "extra";',
      'function helper() {}',
      'export function scale(x: number, unusedLast: string) {',
      '    const tmp = 1;',
      '    return used(x);',
      '}',
    }, '\n'))
    wait_for('the unused hints', function() return #vim.diagnostic.get(b) >= 5 end)
    eq(write_with_action_on_save(b, 'source.removeUnused.ts'), 1, 'actions applied on save')
    local expected = 'import { used } from "toolkit";\nexport function scale(x: number) {\n    return used(x);\n}'
    eq(lines(b), expected, 'the buffer after saving')
    eq(table.concat(vim.fn.readfile(dir .. '/unused.ts'), '\n'), expected, 'the file written')
    wait_for('the hints to clear', function() return #vim.diagnostic.get(b) == 0 end)
  end)

  --- What a snippet inserts (tab stops gone, placeholders' text, escapes read), with where $0 was.
  local function snippet_text(s)
    local marked = s:gsub('%$0', '\1') -- keep the final tab stop's place through the parse
    local text = vim.lsp.util.parse_snippet and vim.lsp.util.parse_snippet(marked)
      or (marked:gsub('%${%d+:([^}]*)}', '%1'):gsub('%$%d+', ''):gsub('\\(.)', '%1')) -- 0.11+: no parse_snippet
    local cursor = text:find('\1', 1, true)
    return (text:gsub('\1', '')), cursor and cursor - 1 or #text
  end

  check('actions: the completion after `/**` accepted as a completion engine does writes the doc comment', function()
    local b = open('doc.ts', 'export class Counter {\n    /** */\n    bump(by: number): number { return by; }\n}')
    local client = t.clients(b)[1]
    local res = truthy(vim.lsp.buf_request_sync(b, 'textDocument/completion', {
      textDocument = vim.lsp.util.make_text_document_params(b), position = { line = 1, character = 7 },
      context = { triggerKind = 1 },
    }, WAIT), 'no answer to completion')
    local r = truthy(res[client.id], 'completion: no response')
    local items = r.result.items or r.result
    eq(#items, 1, 'one item: ' .. vim.inspect(items))
    local item = items[1]
    eq(item.label, '/** */', 'label')
    -- a snippet for a client that declares snippetSupport (0.10+, or nvim-cmp's capabilities), plain text for 0.7's
    local caps = client.config.capabilities.textDocument.completion.completionItem or {}
    eq(item.insertTextFormat or 1, caps.snippetSupport and 2 or 1, 'insertTextFormat')
    local text, cursor = item.textEdit.newText, nil
    if item.insertTextFormat == 2 then text, cursor = snippet_text(text) end
    vim.lsp.util.apply_text_edits({ { range = item.textEdit.range, newText = text } }, b, client.offset_encoding)
    eq(lines(b), 'export class Counter {\n    /**\n     * \n     * @param by\n     * @returns\n     */\n    bump(by: number): number { return by; }\n}', 'the class after')
    if cursor then eq(cursor, #'/**\n     * ', 'the cursor on the description') end
  end)

  check('actions: a default export converted to a named one, Neovim resolving the action and editing the closed importer', function()
    local b = open_existing('greet.ts')
    vim.api.nvim_win_set_cursor(0, find(b, 'greet'))
    local _, convert = code_action(b, { 'refactor.rewrite' }, 'Convert default export to named export')
    eq(convert.edit, nil, 'offered without its edit (Neovim declares resolveSupport), so Neovim resolved it')
    eq(lines(b), 'export function greet(name: string): string {\n    return "hi " + name;\n}', 'greet.ts after')
    local importer = vim.fn.bufnr(dir .. '/welcome.ts')
    truthy(importer > 0, 'apply_workspace_edit loaded welcome.ts into a buffer')
    eq(lines(importer), 'import { greet } from "./greet";\n\nexport const welcome = greet("you");', 'welcome.ts after')
  end)

  check('actions: parameters made one destructured object, Neovim resolving the action and editing the closed caller', function()
    local b = open_existing('surface.ts')
    vim.api.nvim_win_set_cursor(0, find(b, 'width'))
    local _, convert = code_action(b, { 'refactor.rewrite' }, 'Convert parameters to destructured object')
    eq(convert.edit, nil, 'offered without its edit (Neovim declares resolveSupport), so Neovim resolved it')
    eq(lines(b), 'export function surface({ width, height = 1 }: { width: number; height?: number; }): number {\n    return width * height;\n}', 'surface.ts after')
    local caller = vim.fn.bufnr(dir .. '/room.ts')
    truthy(caller > 0, 'apply_workspace_edit loaded room.ts into a buffer')
    eq(lines(caller), 'import { surface } from "./surface";\n\nexport const room = surface({ width: 3, height: 4 });', 'room.ts after')
  end)

  check('actions: a code lens counts references across files, and vim.lsp.codelens.run lists them in the quickfix list', function()
    local b = open_existing('lens.ts')
    vim.lsp.codelens.refresh()
    local titles
    wait_for('the lenses resolved', function()
      titles = {}
      for _, l in ipairs(vim.lsp.codelens.get(b)) do
        if not l.command then return false end
        table.insert(titles, l.range.start.line .. ': ' .. l.command.title)
      end
      return #titles > 0
    end)
    table.sort(titles)
    eq(table.concat(titles, ' | '), '0: 3 references | 3: 0 references', 'twice: its call here, the import and the call in lens_use.ts; four: none')
    vim.api.nvim_win_set_cursor(0, { 1, 0 })
    vim.lsp.codelens.run()
    wait_for('the quickfix list', function() return #vim.fn.getqflist() == 3 end)
    local places = {}
    for _, item in ipairs(vim.fn.getqflist()) do
      table.insert(places, vim.fn.fnamemodify(vim.api.nvim_buf_get_name(item.bufnr), ':t') .. ':' .. item.lnum)
    end
    table.sort(places)
    eq(table.concat(places, ' '), 'lens.ts:4 lens_use.ts:1 lens_use.ts:3', 'the locations, 1-based lines')
    vim.cmd('cclose')
  end)

  check('actions: an && chain tested in an if made an optional chain (refactor.rewrite)', function()
    local b = open('chain.ts', 'declare const user: { profile?: { ok(): boolean } } | undefined;\nif (user && user.profile && user.profile.ok()) {}')
    vim.api.nvim_win_set_cursor(0, find(b, 'user.profile &&'))
    code_action(b, { 'refactor.rewrite' }, 'Convert to optional chain expression')
    eq(vim.api.nvim_buf_get_lines(b, 1, 2, true)[1], 'if (user?.profile?.ok()) {}', 'the test after')
  end)

  check('actions: a const holding an arrow made a function declaration (refactor.rewrite)', function()
    local b = open('double.ts', 'export const double = (n: number): number => n * 2;')
    vim.api.nvim_win_set_cursor(0, find(b, 'double'))
    code_action(b, { 'refactor.rewrite' }, 'Convert to named function')
    eq(lines(b), 'export function double(n: number): number { return n * 2; }', 'the file after')
  end)

  check("actions: the quick fix 'Implement interface' writes the members the class leaves out", function()
    local b = open('shape.ts', 'interface Shape {\n    name: string;\n    area(): number;\n}\nexport class Square implements Shape {\n    name = "square";\n}')
    vim.api.nvim_win_set_cursor(0, find(b, 'Square'))
    code_action(b, { 'quickfix' }, "Implement interface 'Shape'")
    eq(lines(b), 'interface Shape {\n    name: string;\n    area(): number;\n}\nexport class Square implements Shape {\n'
      .. '    area(): number {\n        throw new Error("Method not implemented.");\n    }\n    name = "square";\n}', 'the class after')
  end)

  check('actions: hover on an enum member shows its value in the floating window', function()
    local b = open('flags.ts', 'export enum Flag { None = 0, A = 1 << 0, B = 1 << 1, AB = A | B }\nexport const both = Flag.AB;')
    vim.api.nvim_win_set_cursor(0, find(b, 'AB', 2))
    local function float()
      for _, w in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_config(w).relative ~= '' then return w end
      end
    end
    vim.lsp.buf.hover()
    wait_for('the hover window', function() return float() ~= nil end)
    local shown = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float()), 0, -1, true), '\n')
    vim.api.nvim_win_close(float(), true)
    truthy(vim.startswith(vim.trim(shown), '(enum member) Flag.AB = 3'), 'the hover shows: ' .. shown)
  end)

  vim.cmd('silent! %bwipeout!')
end
