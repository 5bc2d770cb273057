-- lsp/arena_ls.lua (Neovim 0.11+'s vim.lsp.enable) checked on whatever Neovim runs the tests, and
-- :checkhealth arena_ls while the plugin's server runs. Loaded by arena_ls_test.lua with its helpers.
return function(t)
  local check, eq, truthy, wait_for, WAIT = t.check, t.eq, t.truthy, t.wait_for, t.WAIT
  local arena = require('arena_ls')

  local file = vim.api.nvim_get_runtime_file('lsp/arena_ls.lua', false)[1]
  local cfg

  check('lsp/arena_ls.lua is on the runtimepath and returns a vim.lsp.config table', function()
    truthy(file, 'lsp/arena_ls.lua not found on the runtimepath')
    cfg = dofile(file)
    eq(type(cfg), 'table', 'what it returns')
    eq(type(cfg.cmd), 'table', 'cmd')
    truthy(#cfg.cmd >= 1, 'cmd has a program')
    for i, a in ipairs(cfg.cmd) do eq(type(a), 'string', 'cmd[' .. i .. ']') end
    eq(table.concat(cfg.cmd, ' '), table.concat(arena.default_cmd(), ' '), 'the same default command as the plugin')
    eq(table.concat(cfg.filetypes, ' '), table.concat(arena.defaults.filetypes, ' '), 'filetypes as the plugin')
    eq(table.concat(cfg.root_markers, ' '), table.concat(arena.defaults.root_markers, ' '), 'root_markers as the plugin')
    eq(type(cfg.settings), 'table', 'settings')
    eq(type(cfg.settings['arena-ls']), 'table', 'settings in the section the server reads')
    eq(type(cfg.init_options.maxFileSize), 'number', 'init_options.maxFileSize')
    truthy(vim.tbl_contains({ 'auto', 'push', 'pull' }, cfg.init_options.diagnosticMode), 'init_options.diagnosticMode')
    -- nothing Neovim 0.11 would not know: every key is a vim.lsp.Config field
    local known = { cmd = true, filetypes = true, root_markers = true, settings = true, init_options = true,
      root_dir = true, capabilities = true, handlers = true, on_attach = true, workspace_required = true, commands = true }
    for k in pairs(cfg) do truthy(known[k], 'unknown field ' .. tostring(k)) end
    eq(type(cfg.commands['arena-ls.showLocations']), 'function', "the code lenses' command")
  end)

  check('the lsp/arena_ls.lua table starts a working server as it is', function()
    -- on 0.11+ this is what vim.lsp.enable does with it; older Neovim starts it by hand
    local cmd = vim.deepcopy(t.server_cmd) -- the test's own java and jar, so it runs without a launcher on PATH
    local config = vim.tbl_extend('force', cfg, { name = 'arena_ls_config_test', cmd = cmd, root_dir = t.project })
    config.root_markers = nil
    local id = truthy(vim.lsp.start_client(config), 'start_client')
    local c
    wait_for('initialize', function()
      c = vim.lsp.get_client_by_id(id)
      return c ~= nil and c.server_capabilities ~= nil
    end)
    truthy(c.server_capabilities.hoverProvider, 'hover announced')
    vim.lsp.stop_client(id)
    wait_for('the config test client to stop', function()
      local s = vim.lsp.get_client_by_id(id)
      return s == nil or s:is_stopped()
    end)
  end)

  check(':checkhealth arena_ls reports Java, the server version and the running client', function()
    local health = require('arena_ls.health')
    eq(health.java_major('openjdk version "17.0.9" 2023-10-17'), 17, 'java_major 17')
    eq(health.java_major('java version "1.8.0_402"'), 8, 'java_major 8')
    eq(health.java_major('no version here'), nil, 'java_major of nothing')
    vim.cmd('checkhealth arena_ls')
    local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
    vim.cmd('bwipeout!')
    truthy(text:find('Java %d+'), 'a Java version in:\n' .. text)
    truthy(not text:find('ERROR'), 'no error in:\n' .. text)
    truthy(text:find('server version: arena%-ls %d'), 'the server version in:\n' .. text)
    truthy(text:find('running: client ' .. t.client.id, 1, true), 'the running client in:\n' .. text)
    truthy(text:find(t.project, 1, true), 'its root in:\n' .. text)
  end)
end
