-- Driven by neovim.test.ts: open a policy with an error in Neovim's built-in LSP client, record
-- the diagnostic it received, apply the server's quick fix, write the file, and quit.
local out_path = vim.env.ZC_OUT
local bin = vim.env.ZC_BIN
local result = { diagnostics = {}, actions = {} }
local function finish()
  local f = io.open(out_path, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

-- The file is read after this script runs: start once Neovim has entered with the buffer.
local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "zhengce",
    cmd = { "node", bin, "lsp", "--stdio" },
    root_dir = vim.fn.getcwd(),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)

  local got = vim.wait(20000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  if not got then
    result.error = "no diagnostics"
    finish()
    return
  end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, message = d.message, code = d.code })
  end

  local d = vim.diagnostic.get(bufnr)[1]
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  local char = vim.str_utfindex(line, d.col)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = d.lnum, character = char }, ["end"] = { line = d.lnum, character = char + 1 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000)
  for _, r in pairs(responses or {}) do
    for _, action in ipairs(r.result or {}) do
      table.insert(result.actions, action.title)
      if action.edit and not result.applied then
        vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
        result.applied = action.title
      end
    end
  end
  vim.cmd("write")
  finish()
end

vim.api.nvim_create_autocmd("VimEnter", { callback = run })
