-- Assistance through the plugin in headless Neovim (0.7.2 and newer), run by arena_ls_test.lua while
-- its server is up: unused code arrives as HINT diagnostics; textDocument/signatureHelp for a call of
-- a function imported from the other fixture; textDocument/codeAction (vim.lsp.buf_request_sync) and
-- vim.lsp.util.apply_workspace_edit change the buffer exactly: the quick fix removing an unused
-- local, then organize imports; on the fixtures of server/src/test/resources/assist.
return function(t)
  local check, eq, truthy, wait_for, WAIT = t.check, t.eq, t.truthy, t.wait_for, t.WAIT
  local here = debug.getinfo(1, 'S').source:sub(2):match('^(.*)/[^/]*$')
  local fixtures = vim.fn.fnamemodify(here .. '/../../../server/src/test/resources/assist', ':p'):gsub('/$', '')
  local dir = t.project .. '/assist'
  vim.fn.mkdir(dir, 'p')
  for _, name in ipairs({ 'lib.ts', 'app.ts' }) do
    vim.fn.writefile(vim.fn.readfile(fixtures .. '/' .. name, 'b'), dir .. '/' .. name, 'b')
  end

  local app, client

  local function open(name)
    vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/' .. name))
    local b = vim.api.nvim_get_current_buf()
    wait_for(name .. ' to attach', function() return #t.clients(b) == 1 end)
    client = t.clients(b)[1]
    return b
  end

  local function lines(b)
    return table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, true), '\n')
  end

  local function request(b, method, params)
    local res = truthy(vim.lsp.buf_request_sync(b, method, params, WAIT), 'no answer to ' .. method)
    local r = truthy(res[client.id], method .. ': no response from the client: ' .. vim.inspect(res))
    eq(r.err or r.error, nil, method .. ' error')
    return r.result
  end

  local function code_actions(b, row, col, only) -- row, col 0-based
    local params = {
      textDocument = vim.lsp.util.make_text_document_params(b),
      range = { start = { line = row, character = col }, ['end'] = { line = row, character = col } },
      context = { diagnostics = {}, only = only },
    }
    return truthy(request(b, 'textDocument/codeAction', params), 'no code actions')
  end

  check('assist: unused imports and locals are HINT diagnostics, not errors', function()
    open('lib.ts')
    app = open('app.ts')
    wait_for('the unused hints', function() return #vim.diagnostic.get(app) == 2 end)
    local got = {}
    for _, d in ipairs(vim.diagnostic.get(app)) do
      eq(d.severity, vim.diagnostic.severity.HINT, 'severity of ' .. d.message)
      table.insert(got, d.lnum .. ':' .. d.message)
    end
    table.sort(got)
    eq(table.concat(got, ' | '), "0:'VAT' is declared but its value is never read. | 4:'label' is declared but its value is never read.", 'hints')
  end)

  check('assist: textDocument/signatureHelp for a function imported from lib.ts', function()
    local l = vim.api.nvim_buf_get_lines(app, 4, 5, true)[1]
    local col = truthy(l:find('"USD"', 1, true), 'the "USD" argument') - 1
    local help = truthy(request(app, 'textDocument/signatureHelp', {
      textDocument = vim.lsp.util.make_text_document_params(app), position = { line = 4, character = col },
    }), 'no signature help')
    eq(help.signatures[1].label, 'formatPrice(amount: number, currency?: string): string', 'label')
    eq(help.activeParameter, 1, 'active parameter')
  end)

  check('assist: a code action applied with apply_workspace_edit removes the unused local', function()
    local l = vim.api.nvim_buf_get_lines(app, 4, 5, true)[1]
    local col = truthy(l:find('label', 1, true), 'label') - 1
    local fix
    for _, a in ipairs(code_actions(app, 4, col, { 'quickfix' })) do
      if a.title == "Remove unused declaration for: 'label'" then fix = a end
    end
    truthy(fix, 'the quick fix')
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
    eq(vim.api.nvim_buf_get_lines(app, 4, 5, true)[1], '  return formatPrice(1999) + items.join();', 'line 5 after the fix')
    eq(vim.api.nvim_buf_line_count(app), 6, 'one line less')
  end)

  check('assist: source.organizeImports drops the unused import and the hints clear', function()
    local actions = code_actions(app, 0, 0, { 'source.organizeImports' })
    eq(#actions, 1, 'one organize action')
    eq(actions[1].kind, 'source.organizeImports', 'kind')
    vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding)
    eq(lines(app), 'import { formatPrice } from "./lib";\n\nexport function total(items: number[]): string {\n  return formatPrice(1999) + items.join();\n}', 'buffer after organizing')
    wait_for('the hints to clear', function() return #vim.diagnostic.get(app) == 0 end)
  end)

  check('assist: a selection extracted to a constant, then inlined back (refactor code actions)', function()
    local l = vim.api.nvim_buf_get_lines(app, 3, 4, true)[1]
    local s = truthy(l:find('items.join()', 1, true), 'items.join()') - 1
    local extract
    for _, a in ipairs(truthy(request(app, 'textDocument/codeAction', {
      textDocument = vim.lsp.util.make_text_document_params(app),
      range = { start = { line = 3, character = s }, ['end'] = { line = 3, character = s + #'items.join()' } },
      context = { diagnostics = {}, only = { 'refactor.extract' } },
    }), 'no refactorings')) do
      if a.title == 'Extract to constant in enclosing scope' then extract = a end
    end
    truthy(extract, 'the extraction')
    eq(extract.kind, 'refactor.extract.constant', 'kind')
    vim.lsp.util.apply_workspace_edit(extract.edit, client.offset_encoding)
    eq(table.concat(vim.api.nvim_buf_get_lines(app, 3, 5, true), '\n'),
      '  const newLocal = items.join();\n  return formatPrice(1999) + newLocal;', 'after extracting')
    local inline
    for _, a in ipairs(code_actions(app, 3, 8, { 'refactor.inline' })) do
      if a.title == 'Inline variable' then inline = a end
    end
    truthy(inline, 'inline variable on newLocal')
    vim.lsp.util.apply_workspace_edit(inline.edit, client.offset_encoding)
    eq(lines(app), 'import { formatPrice } from "./lib";\n\nexport function total(items: number[]): string {\n  return formatPrice(1999) + items.join();\n}', 'back as it was')
  end)

  check('assist: a declaration moved to a new file with apply_workspace_edit (refactor.move.newFile)', function()
    local move
    for _, a in ipairs(code_actions(app, 2, 17, { 'refactor.move' })) do
      if a.title == 'Move to a new file' then move = a end
    end
    truthy(move, 'the move (Neovim declares resourceOperations create)')
    eq(move.kind, 'refactor.move.newFile', 'kind')
    vim.lsp.util.apply_workspace_edit(move.edit, client.offset_encoding)
    local path = dir .. '/total.ts'
    eq(vim.fn.filereadable(path), 1, 'total.ts created')
    local moved = vim.fn.bufnr(path)
    truthy(moved > 0, 'a buffer for total.ts')
    eq(vim.trim(lines(moved)), 'import { formatPrice } from "./lib";\n\nexport function total(items: number[]): string {\n  return formatPrice(1999) + items.join();\n}', 'the new file')
    eq(vim.trim(lines(app)), 'export { total } from "./total";', 'the old file re-exports it and drops the import')
  end)
end
