-- arena-ls for Neovim's built-in LSP client (Neovim 0.7.2 and newer).
--
--   require('arena_ls').setup {
--     cmd = { 'arena-ls' },                      -- or { 'java', '-jar', '/path/to/arena-ls.jar' }
--     filetypes = { 'javascript', 'javascriptreact', 'typescript', 'typescriptreact' },
--     root_markers = { 'tsconfig.json', 'jsconfig.json', 'package.json', '.git' },
--   }
--
-- Starts one server per project root (the nearest directory holding one of root_markers, else the
-- file's own directory) and attaches every buffer of those filetypes to it. Uses vim.lsp.start
-- where it exists (0.8+), else vim.lsp.start_client + vim.lsp.buf_attach_client (0.7).
local M = {}

local uv = vim.uv or vim.loop

M.name = 'arena_ls'

M.defaults = {
  -- nil: `arena-ls` on PATH, else `java -jar $ARENA_LS_JAR`
  cmd = nil,
  filetypes = { 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'javascript.jsx', 'typescript.tsx' },
  root_markers = { 'tsconfig.json', 'jsconfig.json', 'package.json', '.git' },
  -- start for a file outside any project, rooted at the file's directory
  single_file_support = true,
  -- sent as initializationOptions; the server reads maxFileSize (bytes) and diagnosticMode
  init_options = {},
  -- sent with workspace/didChangeConfiguration, e.g. { ['arena-ls'] = { maxFileSize = 10485760 } };
  -- code lenses (reference and implementation counts, shown by vim.lsp.codelens.refresh()):
  -- { ['arena-ls'] = { codeLens = { references = true, implementations = true } } }
  settings = {},
  on_attach = nil,
  capabilities = nil,
  handlers = nil,
}

M.config = nil
-- root_dir -> client id, for Neovim without vim.lsp.start
local clients_by_root = {}
local warned = {}

local function notify(msg, level)
  vim.schedule(function()
    vim.notify('arena-ls: ' .. msg, level or vim.log.levels.INFO)
  end)
end

local function get_clients(filter)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients(filter)
  end
  local out = {}
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if (not filter or not filter.name or client.name == filter.name)
      and (not filter or not filter.bufnr or vim.lsp.buf_is_attached(filter.bufnr, client.id)) then
      table.insert(out, client)
    end
  end
  return out
end
M.get_clients = get_clients

local function is_stopped(client)
  return client == nil or client:is_stopped()
end

--- The command to start the server when setup{} gave none.
function M.default_cmd()
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

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

local function parent(dir)
  if dir == '/' or dir == '' then return nil end
  local p = dir:match('^(.*)/[^/]*$')
  if p == nil or p == dir then return nil end
  if p == '' then return '/' end
  return p
end

--- The nearest directory at or above `path` (a file or directory) that holds one of `markers`.
function M.find_root(path, markers)
  if not path or path == '' then return nil end
  path = vim.fn.fnamemodify(path, ':p'):gsub('/+$', '')
  if path == '' then path = '/' end
  local stat = uv.fs_stat(path)
  local dir = (stat and stat.type == 'directory') and path or parent(path)
  while dir do
    for _, marker in ipairs(markers) do
      if exists((dir == '/' and '' or dir) .. '/' .. marker) then
        return dir
      end
    end
    dir = parent(dir)
  end
  return nil
end

--- The root for a buffer: the project root, or the file's directory (single file), or nil to skip.
function M.root_for(bufnr)
  local cfg = M.config or M.defaults
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then
    return cfg.single_file_support and uv.cwd() or nil
  end
  if name:match('^%a[%w+.-]*://') then
    return nil -- fugitive://, oil://, …: not a file on disk
  end
  local root = M.find_root(name, cfg.root_markers)
  if root then return root end
  if cfg.single_file_support then
    return vim.fn.fnamemodify(name, ':p:h')
  end
  return nil
end

local function filetype_matches(bufnr)
  local ft = vim.bo[bufnr].filetype
  return vim.tbl_contains((M.config or M.defaults).filetypes, ft)
end

--- The command of a resolved code lens ("3 references", arena-ls.showLocations): its locations
--- (the third argument) in the quickfix list, opened; a lens counting none says so.
function M.show_locations(command, ctx)
  local locations = (command.arguments or {})[3] or {}
  if #locations == 0 then
    notify(command.title and ('no locations: ' .. command.title) or 'no locations')
    return
  end
  local client = ctx and vim.lsp.get_client_by_id(ctx.client_id)
  local items = vim.lsp.util.locations_to_items(locations, client and client.offset_encoding or 'utf-16')
  vim.fn.setqflist({}, ' ', { title = 'arena-ls: ' .. (command.title or 'locations'), items = items })
  vim.cmd('botright copen')
end

local function client_config(root)
  local cfg = M.config
  return {
    name = M.name,
    cmd = cfg.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = cfg.init_options,
    settings = cfg.settings,
    capabilities = cfg.capabilities or vim.lsp.protocol.make_client_capabilities(),
    handlers = cfg.handlers,
    commands = { ['arena-ls.showLocations'] = M.show_locations },
    on_attach = cfg.on_attach,
    on_exit = function(code, signal, client_id)
      for r, id in pairs(clients_by_root) do
        if id == client_id then clients_by_root[r] = nil end
      end
      if code ~= 0 and signal ~= 15 and not M._stopping then
        notify(('the server exited with code %d (signal %d); its log: %s'):format(code, signal, vim.lsp.get_log_path()), vim.log.levels.WARN)
      end
    end,
  }
end

local function cmd_ok()
  if type(M.config.cmd) == 'function' then return true end -- an RPC factory (Neovim 0.9+)
  local exe = M.config.cmd[1]
  if vim.fn.executable(exe) == 1 then return true end
  if not warned[exe] then
    warned[exe] = true
    notify(('cannot start the server: %q is not executable. Put arena-ls on PATH, set ARENA_LS_JAR, or pass cmd = { "java", "-jar", "/path/to/arena-ls.jar" } to setup{}.'):format(exe), vim.log.levels.ERROR)
  end
  return false
end

--- Attaches `bufnr` (default: current) to the server for its root, starting it when needed.
--- Returns the client id, or nil when the buffer is not for arena-ls.
function M.attach(bufnr)
  if not M.config then M.setup({}) end
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= '' then return nil end
  if not filetype_matches(bufnr) then return nil end
  local root = M.root_for(bufnr)
  if not root or not cmd_ok() then return nil end

  if vim.lsp.start then
    -- 0.8 attaches the current buffer only; 0.9+ also takes opts.bufnr
    local id
    vim.api.nvim_buf_call(bufnr, function()
      id = vim.lsp.start(client_config(root), { bufnr = bufnr })
    end)
    return id
  end

  local id = clients_by_root[root]
  if id and is_stopped(vim.lsp.get_client_by_id(id)) then id = nil end
  if not id then
    id = vim.lsp.start_client(client_config(root))
    if not id then
      notify('could not start ' .. vim.inspect(M.config.cmd), vim.log.levels.ERROR)
      return nil
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- Stops every arena-ls client; calls `done` once they have exited (or after `timeout_ms`).
function M.stop(done, timeout_ms)
  local list = get_clients({ name = M.name })
  M._stopping = true
  for _, client in ipairs(list) do
    vim.lsp.stop_client(client.id)
  end
  clients_by_root = {}
  local timer = uv.new_timer()
  local waited = 0
  timer:start(50, 50, vim.schedule_wrap(function()
    waited = waited + 50
    local alive = vim.tbl_filter(function(c) return not is_stopped(c) end, list)
    if #alive == 0 or waited >= (timeout_ms or 5000) then
      timer:stop()
      timer:close()
      for _, c in ipairs(alive) do vim.lsp.stop_client(c.id, true) end
      M._stopping = false
      if done then done() end
    end
  end))
end

--- Stops the servers, then attaches every loaded buffer of the filetypes again.
function M.restart()
  M.stop(function()
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) then M.attach(b) end
    end
  end)
end

function M.setup(opts)
  opts = opts or {}
  M.config = vim.tbl_extend('force', {}, M.defaults, opts)
  if M.config.cmd == nil then
    M.config.cmd = M.default_cmd()
  elseif type(M.config.cmd) == 'string' then
    M.config.cmd = { M.config.cmd }
  end
  warned = {}

  local group = vim.api.nvim_create_augroup('arena_ls', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args) M.attach(args.buf) end,
    desc = 'arena-ls: attach the language server',
  })
  vim.api.nvim_create_user_command('ArenaLsRestart', function() M.restart() end, { desc = 'Restart the arena-ls language server' })
  vim.api.nvim_create_user_command('ArenaLsStop', function() M.stop() end, { desc = 'Stop the arena-ls language server' })

  -- buffers opened before setup{} ran
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) then M.attach(b) end
  end
  return M
end

return M
