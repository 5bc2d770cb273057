-- Completion through the plugin in headless Neovim (0.7.2 and newer), run by arena_ls_test.lua while
-- its server is up: textDocument/completion through vim.lsp.buf_request_sync after the buffer was
-- edited into unfinished code (`settings.`), completionItem/resolve of a local function, and an
-- auto-import item whose additionalTextEdits, applied with vim.lsp.util.apply_text_edits, extend the
-- file's import of that module.
return function(t)
  local check, eq, truthy, wait_for, WAIT = t.check, t.eq, t.truthy, t.wait_for, t.WAIT
  local dir = t.project .. '/cmp'
  vim.fn.mkdir(dir, 'p')
  vim.fn.writefile({
    "import { helper } from './util';",
    '/** Doubles a number. */',
    'function double(n: number) { return n * 2; }',
    'const settings = { depth: 1, verbose: true };',
    'export function run(count: number) {',
    '  ',
    '}',
  }, dir .. '/app.ts')
  vim.fn.writefile({ 'export function helper() {}', 'export function formatName(first: string) { return first; }' }, dir .. '/util.ts')

  local b, client

  local function complete(row, text)
    -- the edit goes out as didChange before the request, which the server answers after it
    vim.api.nvim_buf_set_lines(b, row - 1, row, true, { text })
    -- the cursor after the last character, as in insert mode (normal mode would clamp it onto that character); ASCII text,
    -- so the byte column is the UTF-16 one
    local params = { textDocument = vim.lsp.util.make_text_document_params(b), position = { line = row - 1, character = #text } }
    local res = truthy(vim.lsp.buf_request_sync(b, 'textDocument/completion', params, WAIT), 'no answer to completion')
    local r = truthy(res[client.id], 'completion: no response: ' .. vim.inspect(res))
    truthy(not (r.err or r.error), 'completion failed: ' .. vim.inspect(r.err or r.error))
    local items = r.result.items or r.result
    local labels = {}
    for _, item in ipairs(items) do labels[#labels + 1] = item.label end
    return items, labels
  end

  local function find(items, label)
    for _, item in ipairs(items) do if item.label == label then return item end end
    error(label .. ' not offered')
  end

  check('completion: opens a TypeScript file with a neighbour module', function()
    -- util.ts first: an open document's exports are in the workspace index at once
    vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/util.ts'))
    wait_for('util.ts to attach', function() return #t.clients(vim.api.nvim_get_current_buf()) == 1 end)
    vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/app.ts'))
    b = vim.api.nvim_get_current_buf()
    wait_for('app.ts to attach', function() return #t.clients(b) == 1 end)
    client = t.clients(b)[1]
    vim.wait(300)
    eq(#vim.diagnostic.get(b, { severity = vim.diagnostic.severity.ERROR }), 0, 'errors in app.ts (unused-name hints are expected)')
  end)

  check('completion: members of an object literal after a dot in unfinished code', function()
    local _, labels = complete(6, '  settings.')
    table.sort(labels)
    eq(table.concat(labels, ' '), 'depth verbose', 'members')
  end)

  check('completion: names in scope, and resolve gives the declaration and its JSDoc', function()
    local items, labels = complete(6, '  dou')
    truthy(vim.tbl_contains(labels, 'double'), 'double offered: ' .. table.concat(labels, ' '))
    truthy(not vim.tbl_contains(labels, 'settings'), 'no name that does not match what is typed')
    local res = truthy(vim.lsp.buf_request_sync(b, 'completionItem/resolve', find(items, 'double'), WAIT), 'no answer to resolve')
    local resolved = truthy(res[client.id], 'resolve: no response').result
    eq(resolved.detail, 'function double(n: number)', 'detail')
    local docs = type(resolved.documentation) == 'table' and resolved.documentation.value or resolved.documentation
    truthy(tostring(docs):find('Doubles a number.', 1, true), 'documentation: ' .. vim.inspect(resolved.documentation))
  end)

  check('completion: an auto-import item extends the import of its module', function()
    local items = complete(6, '  formatN')
    local item = find(items, 'formatName')
    truthy(item.additionalTextEdits and #item.additionalTextEdits == 1, 'one import edit: ' .. vim.inspect(item))
    vim.lsp.util.apply_text_edits(item.additionalTextEdits, b, client.offset_encoding)
    eq(vim.api.nvim_buf_get_lines(b, 0, 1, true)[1], "import { helper, formatName } from './util';", 'the import line')
    vim.cmd('silent! %bwipeout!')
  end)
end
