-- arena-ls for Neovim 0.11+: with editor-clients/nvim on 'runtimepath' (or this file copied to
-- ~/.config/nvim/lsp/arena_ls.lua), one line starts it for JavaScript and TypeScript buffers:
--
--   vim.lsp.enable('arena_ls')
--
-- Override any field with vim.lsp.config('arena_ls', { ... }). Needs no plugin code; Neovim
-- 0.7-0.10 use require('arena_ls').setup{} instead (lua/arena_ls/init.lua).

-- `arena-ls` on PATH (bin/arena-ls of a checkout), else the jar named by $ARENA_LS_JAR
local function default_cmd()
  if vim.fn.executable('arena-ls') == 1 then
    return { 'arena-ls' }
  end
  local jar = vim.env.ARENA_LS_JAR
  if jar and jar ~= '' then
    local java = (vim.env.JAVA_HOME and vim.env.JAVA_HOME ~= '') and (vim.env.JAVA_HOME .. '/bin/java') or 'java'
    return { java, '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xms32m', '-Xmx1g', '-XX:MaxNewSize=4m', '-XX:MinHeapFreeRatio=20', '-XX:MaxHeapFreeRatio=40', '-XX:+UnlockDiagnosticVMOptions', '-XX:ArchiveRelocationMode=0', '-Xlog:disable', '-Xlog:all=warning:stderr', '-jar', jar }
  end
  return { 'arena-ls' }
end

return {
  cmd = default_cmd(),
  filetypes = { 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'javascript.jsx', 'typescript.tsx' },
  -- the nearest directory holding one of these is the workspace folder the server indexes
  root_markers = { 'tsconfig.json', 'jsconfig.json', 'package.json', '.git' },
  -- maxFileSize: bytes (UTF-8), a larger file gets one diagnostic instead of a parse;
  -- diagnosticMode: 'auto' (pull where the client supports it, as 0.10+ does), 'push' or 'pull'
  init_options = { maxFileSize = 20971520, diagnosticMode = 'auto' },
  -- sent with workspace/didChangeConfiguration; the server reads the section "arena-ls"
  -- (code lenses: codeLens = { references = true, implementations = true }, shown by vim.lsp.codelens.refresh())
  settings = { ['arena-ls'] = { maxFileSize = 20971520 } },
  -- a resolved code lens's command: its locations in the quickfix list
  commands = {
    ['arena-ls.showLocations'] = function(command, ctx)
      local locations = (command.arguments or {})[3] or {}
      if #locations == 0 then return vim.notify('arena-ls: no locations: ' .. (command.title or '')) end
      local client = vim.lsp.get_client_by_id(ctx.client_id)
      vim.fn.setqflist({}, ' ', { title = 'arena-ls: ' .. command.title, items = vim.lsp.util.locations_to_items(locations, client.offset_encoding) })
      vim.cmd('botright copen')
    end,
  },
}
