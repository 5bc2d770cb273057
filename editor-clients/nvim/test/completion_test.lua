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

  -- a real published file we did not write (zod's util.ts, from the pinned corpus the Maven build
  -- fetches): at every call of a function the file declares, the first two letters typed complete
  -- that name and signature help after its `(` names it; organize imports applied adds no error
  local corpus = (os.getenv('ARENA_LS_NPM_CACHE') or (os.getenv('HOME') .. '/.cache/arena-ls/npm'))
      .. '/zod@4.6.7/package/src/v4/core/util.ts'
  if vim.fn.filereadable(corpus) == 0 then
    io.stdout:write('skip - completion on a real file: ' .. corpus .. ' is not fetched (mvn verify fetches it)\n')
    return
  end
  check('completion, signature help and organize imports on a real file (zod util.ts)', function()
    vim.fn.writefile(vim.fn.readfile(corpus, 'b'), dir .. '/zod-util.ts', 'b')
    vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/zod-util.ts'))
    b = vim.api.nvim_get_current_buf()
    wait_for('zod-util.ts to attach', function() return #t.clients(b) == 1 end)
    client = t.clients(b)[1]
    local lines = vim.api.nvim_buf_get_lines(b, 0, -1, true)
    local declared = {}
    for _, l in ipairs(lines) do
      local name = l:match('^export function ([%w_$]+)%(') or l:match('^function ([%w_$]+)%(')
      if name then declared[name] = true end
    end
    local uri = vim.uri_from_bufnr(b)
    local function ask(method, row, col) -- 0-based row; the file is ASCII, so byte columns are UTF-16 ones
      local res = truthy(vim.lsp.buf_request_sync(b, method, { textDocument = { uri = uri }, position = { line = row, character = col } }, WAIT),
        'no answer to ' .. method)
      return truthy(res[client.id], method .. ': no response').result
    end
    local calls = 0
    for row, l in ipairs(lines) do
      for start, name in l:gmatch('()([%a_$][%w_$]*)%(') do
        local before = l:sub(1, start - 1)
        if declared[name] and not before:match('function%s*$') and not before:match('[%.#%w_$]$') then
          local items = ask('textDocument/completion', row - 1, start - 1 + 2)
          items = items.items or items
          local labels = vim.tbl_map(function(i) return i.label end, items)
          truthy(vim.tbl_contains(labels, name), ('line %d: "%s" completes %s'):format(row, name:sub(1, 2), name))
          local help = truthy(ask('textDocument/signatureHelp', row - 1, start - 1 + #name + 1), ('line %d: signature help for %s'):format(row, name))
          truthy(#help.signatures > 0 and help.signatures[1].label:sub(1, #name) == name,
            ('line %d: the signature of %s: %s'):format(row, name, vim.inspect(help.signatures)))
          calls = calls + 1
        end
      end
    end
    truthy(calls >= 5, 'calls of the file\'s own functions checked: ' .. calls)

    local errors_before = #vim.diagnostic.get(b, { severity = vim.diagnostic.severity.ERROR })
    local res = truthy(vim.lsp.buf_request_sync(b, 'textDocument/codeAction', {
      textDocument = { uri = uri }, range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
      context = { diagnostics = {}, only = { 'source.organizeImports' } },
    }, WAIT), 'no answer to codeAction')
    for _, action in ipairs(truthy(res[client.id], 'codeAction: no response').result or {}) do
      if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding) end
    end
    vim.wait(500)
    eq(#vim.diagnostic.get(b, { severity = vim.diagnostic.severity.ERROR }), errors_before, 'errors after organize imports')
    vim.cmd('silent! %bwipeout!')
  end)
end
