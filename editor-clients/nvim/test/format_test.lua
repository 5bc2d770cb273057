-- Formatting through the plugin's client in headless Neovim: vim.lsp.buf.format (0.8 and newer;
-- on 0.7 its predecessor vim.lsp.buf.formatting_sync), which asks textDocument/formatting with the
-- buffer's shiftwidth and expandtab and applies the edits to the buffer. Run by arena_ls_test.lua.
-- The expected text is what TypeScript's own formatter makes of the source (format-oracle.mjs).
return function(t)
  local check, eq, wait_for = t.check, t.eq, t.wait_for
  local dir = t.project .. '/format'
  vim.fn.mkdir(dir, 'p')
  local file = dir .. '/messy.ts'
  vim.fn.writefile({
    'function f( a,b ){',
    'if(a){return b}',
    '  const x = {',
    'a:1,',
    '         b:2',
    '}   ',
    '      return x',
    '}',
  }, file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local b = vim.api.nvim_get_current_buf()
  wait_for('messy.ts to attach', function() return #t.clients(b) == 1 end)

  check('format: the server declares document, range and on-type formatting', function()
    local caps = t.clients(b)[1].server_capabilities or t.clients(b)[1].resolved_capabilities
    local doc = caps.documentFormattingProvider
    if doc == nil then doc = caps.document_formatting end
    eq(doc ~= nil and doc ~= false, true, 'documentFormattingProvider')
  end)

  check('format: vim.lsp.buf.format re-indents and re-spaces the buffer as TypeScript does', function()
    vim.bo[b].shiftwidth = 4
    vim.bo[b].tabstop = 4
    vim.bo[b].expandtab = true
    if vim.lsp.buf.format then
      vim.lsp.buf.format({ bufnr = b, timeout_ms = t.WAIT })
    else
      vim.lsp.buf.formatting_sync(nil, t.WAIT)
    end
    eq(table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), '\n'), table.concat({
      'function f(a, b) {',
      '    if (a) { return b }',
      '    const x = {',
      '        a: 1,',
      '        b: 2',
      '    }',
      '    return x',
      '}',
    }, '\n'), 'the formatted buffer')
  end)
end
