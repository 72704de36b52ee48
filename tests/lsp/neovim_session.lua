-- Neovim's built-in LSP client (Neovim 0.7 from Debian 12) with planrules lsp: open a shipped
-- rule file, make a mistake in the buffer (never saved), expect the diagnostic; ask for hover
-- and definition. Run headless:
--   nvim --headless -u NONE -i NONE -n -c "luafile tests/lsp/neovim_session.lua" -- PLANRULES
-- It prints "neovim session: ok" and exits 0, or says what failed and exits 1.
local planrules = vim.v.argv[#vim.v.argv]
local root = vim.fn.getcwd() .. "/rules"
local file = root .. "/kommun/0180-stockholm.rules"
local failures = {}
local function check(what, ok)
  if not ok then table.insert(failures, what) end
end

local client = vim.lsp.start_client({ name = "planrules", cmd = { planrules, "lsp", "--debounce", "20" }, root_dir = root })
check("the client starts", client ~= nil)
vim.cmd("edit " .. file)
vim.bo.filetype = "planrules"
vim.lsp.buf_attach_client(0, client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client).initialized end, 20)

-- line 9 holds `applies when plan.sokande.kommun == "0180"`: compare with a number instead
local line = 8
local text = vim.api.nvim_buf_get_lines(0, line, line + 1, false)[1]
check("line 9 is the applies line", text:find('kommun == "0180"', 1, true) ~= nil)
vim.api.nvim_buf_set_lines(0, line, line + 1, false, { (text:gsub('"0180"', "180")) })
check("a diagnostic is shown", vim.wait(5000, function() return #vim.diagnostic.get(0) > 0 end, 20))
local d = vim.diagnostic.get(0)[1]
check("on the line of the mistake", d ~= nil and d.lnum == line)
check("with its code", d ~= nil and (d.code == "type-mismatch" or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == "type-mismatch")))

-- back as it was: the diagnostic goes
vim.api.nvim_buf_set_lines(0, line, line + 1, false, { text })
check("fixed: no diagnostic", vim.wait(5000, function() return #vim.diagnostic.get(0) == 0 end, 20))

-- hover on `ekonomiskt_bistand` and definition of `AF-SKYLD`
local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
local function find(word)
  for i, l in ipairs(lines) do
    local c = l:find(word, 1, true)
    if c then return { line = i - 1, character = c } end
  end
end
local uri = vim.uri_from_bufnr(0)
local hover = vim.lsp.buf_request_sync(0, "textDocument/hover", { textDocument = { uri = uri }, position = find("ekonomiskt_bistand") }, 3000)
local value = hover and hover[client] and hover[client].result and hover[client].result.contents.value or ""
check("hover shows the field's type", value:find("ekonomiskt_bistand", 1, true) ~= nil)
local def = vim.lsp.buf_request_sync(0, "textDocument/definition", { textDocument = { uri = uri }, position = find("AF-SKYLD") }, 3000)
local target = def and def[client] and def[client].result and def[client].result.uri or ""
check("definition goes to the agency's rules", target:find("arbetsformedlingen.rules", 1, true) ~= nil)

vim.lsp.stop_client(client)
if #failures == 0 then
  io.stdout:write("neovim session: ok\n")
  vim.cmd("qa!")
else
  io.stdout:write("neovim session FAILED: " .. table.concat(failures, "; ") .. "\n")
  vim.cmd("cq")
end
