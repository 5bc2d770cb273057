-- Folding ranges and semantic tokens through the plugin's client in headless Neovim (0.7.2 and
-- newer), run by arena_ls_test.lua while its server is up.
--
-- Neovim 0.7 has neither an LSP folding client (vim.lsp.foldexpr came in 0.11) nor a semantic
-- tokens client (0.9): both are asked for here as raw requests with vim.lsp.buf_request, the
-- asynchronous call a plugin would make, and the answers checked against the buffer. Semantic
-- tokens are decoded with the legend the server announced; a full/delta after edits Neovim sends
-- itself (incremental didChange from nvim_buf_set_text) must give, applied to the previous array,
-- what a fresh full gives.
return function(t)
  local check, eq, truthy, wait_for, WAIT = t.check, t.eq, t.truthy, t.wait_for, t.WAIT
  local dir = t.project .. '/structure'
  vim.fn.mkdir(dir, 'p')
  local lines = {
    "import { a } from './a';",       -- 0
    "import { b } from './b';",       -- 1
    '',                               -- 2
    '/**',                            -- 3
    ' * Scales a value.',             -- 4
    ' */',                            -- 5
    '// #region maths',               -- 6
    'export function scale(value: number, factor: number): number {', -- 7
    '  const result = value * factor;', -- 8
    '  return result + a + b;',       -- 9
    '}',                              -- 10
    '// #endregion',                  -- 11
    'export class Box {',             -- 12
    '  size = scale(1, 2);',          -- 13
    '}',                              -- 14
  }
  local file = dir .. '/structure.ts'
  vim.fn.writefile(lines, file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local b = vim.api.nvim_get_current_buf()
  wait_for('structure.ts to attach', function() return #t.clients(b) == 1 end)
  local client = t.clients(b)[1]
  local uri = vim.uri_from_bufnr(b)

  -- vim.lsp.buf_request, waited for: { err, result } of this client's answer (on buffer b unless `on` is given)
  local function request(method, params, on)
    local answer
    vim.lsp.buf_request(on or b, method, params, function(err, result, ctx)
      if ctx.client_id == client.id then answer = { err = err, result = result } end
    end)
    wait_for('the answer to ' .. method, function() return answer ~= nil end)
    eq(answer.err, nil, method .. ' error')
    return answer.result
  end

  check('structure: textDocument/foldingRange through vim.lsp.buf_request', function()
    local ranges = truthy(request('textDocument/foldingRange', { textDocument = { uri = uri } }), 'no folding ranges')
    local got = {}
    for _, r in ipairs(ranges) do
      table.insert(got, ('%d-%d%s'):format(r.startLine, r.endLine, r.kind and (' ' .. r.kind) or ''))
    end
    table.sort(got)
    -- Neovim 0.7 declares no foldingRange capability, so no lineFoldingOnly: ranges carry columns
    -- too, and a block's range ends at its `}`
    eq(table.concat(got, ', '), '0-1 imports, 12-14, 3-5 comment, 6-11 region, 7-10', 'folding ranges (0-based lines)')
    for _, r in ipairs(ranges) do
      if r.kind == nil then
        -- a block: from after its `{` to its `}`
        eq(lines[r.startLine + 1]:sub(r.startCharacter, r.startCharacter), '{', 'the character before a fold\'s start column')
        eq(lines[r.endLine + 1]:sub(r.endCharacter + 1, r.endCharacter + 1), '}', 'the character at a fold\'s end column')
      end
    end
  end)

  local legend
  local function decode(data, on)
    truthy(#data % 5 == 0, 'five ints per token')
    local out, row, col = {}, 0, 0
    local buf_lines = vim.api.nvim_buf_get_lines(on or b, 0, -1, true)
    for i = 1, #data, 5 do
      if data[i] ~= 0 then col = 0 end
      row = row + data[i]
      col = col + data[i + 1]
      local text = (buf_lines[row + 1] or ''):sub(col + 1, col + data[i + 2]) -- ASCII: columns are bytes in any encoding
      local mods = {}
      for bit, name in ipairs(legend.tokenModifiers) do
        if math.floor(data[i + 4] / 2 ^ (bit - 1)) % 2 == 1 then
          table.insert(mods, name)
        end
      end
      table.insert(out, ('%d:%d %s %s%s'):format(row, col, text, legend.tokenTypes[data[i + 3] + 1], #mods > 0 and ('.' .. table.concat(mods, '.')) or ''))
    end
    return out
  end

  local function apply(data, edits)
    table.sort(edits, function(x, y) return x.start > y.start end)
    for _, e in ipairs(edits) do
      local out = {}
      for i = 1, e.start do out[#out + 1] = data[i] end
      for _, v in ipairs(e.data or {}) do out[#out + 1] = v end
      for i = e.start + e.deleteCount + 1, #data do out[#out + 1] = data[i] end
      data = out
    end
    return data
  end

  check('structure: semantic tokens as a raw request (Neovim 0.7 has no semantic tokens client), full/delta after edits', function()
    local provider = truthy(client.server_capabilities.semanticTokensProvider, 'semanticTokensProvider announced')
    legend = provider.legend
    local full = request('textDocument/semanticTokens/full', { textDocument = { uri = uri } })
    local tokens = decode(full.data)
    local function on(row)
      local out = {}
      for _, s in ipairs(tokens) do
        if s:match('^' .. row .. ':') then table.insert(out, s) end
      end
      return table.concat(out, ' | ')
    end
    eq(on(7), '7:16 scale function.declaration.definition | 7:22 value parameter.declaration.local | 7:37 factor parameter.declaration.local', 'line 7')
    -- a and b come from modules that are not there: as TypeScript, no token says what they are
    eq(on(9), '9:9 result variable.readonly.local', 'line 9')
    eq(on(13), '13:2 size property.declaration | 13:9 scale function', 'line 13')

    -- edits as Neovim sends them: typed inside a body, then a declaration that changes names elsewhere
    local previous, id = full.data, full.resultId
    local edits = {
      { 9, 24, ' + value' },                     -- inside scale's body
      { 12, 0, 'function a() {}\n' },             -- a top-level function a: the imported `a` is now redeclared
    }
    for _, e in ipairs(edits) do
      local new_lines = vim.split(e[3], '\n', true)
      vim.api.nvim_buf_set_text(b, e[1], e[2], e[1], e[2], new_lines)
      local delta = request('textDocument/semanticTokens/full/delta', { textDocument = { uri = uri }, previousResultId = id })
      truthy(delta.edits, 'a delta (edits), not a full answer')
      local updated = apply(previous, delta.edits)
      local fresh = request('textDocument/semanticTokens/full', { textDocument = { uri = uri } })
      eq(table.concat(decode(updated), '\n'), table.concat(decode(fresh.data), '\n'), 'tokens after inserting ' .. vim.inspect(e[3]))
      previous, id = fresh.data, fresh.resultId
    end
  end)

  -- tokens/use.ts imports a class, an interface, an enum and a function from tokens/kinds.ts (both
  -- written before the server started, so the workspace index holds kinds.ts, which no buffer opens)
  check('structure: semantic tokens colour names imported from another file by what they declare', function()
    local file = t.project .. '/tokens/use.ts'
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local use = vim.api.nvim_get_current_buf()
    wait_for('tokens/use.ts to attach', function() return #t.clients(use) == 1 end)
    truthy(vim.fn.bufnr(t.project .. '/tokens/kinds.ts') < 0, 'kinds.ts is in no buffer')
    local full = request('textDocument/semanticTokens/full', { textDocument = { uri = vim.uri_from_bufnr(use) } }, use)
    local got = {}
    for _, s in ipairs(decode(full.data, use)) do
      -- `definition` is LSP's modifier, which TypeScript's 2020 encoding lacks: the server adds it to a declaration that defines
      table.insert(got, (s:gsub('%.definition', '')))
    end
    -- typescript@6.0.3's getEncodedSemanticClassifications (2020 format) on the same two files: none on the import line
    eq(table.concat(got, ' | '), table.concat({
      '1:6 w variable.declaration.readonly', '1:9 Widget class', '1:18 make function',
      '2:13 o variable.declaration.readonly', '2:16 Options interface', '2:28 size property.declaration',
      '2:34 w variable.readonly', '2:36 size property',
      '3:13 c variable.declaration.readonly', '3:17 Color enum', '3:23 Red enumMember.readonly',
    }, ' | '), 'tokens of use.ts after its imports')
  end)
end
