;;; eglot-test.el --- headless test of arena-ls through Emacs's Eglot  -*- lexical-binding: t -*-
;; Run by test/run.sh:  ARENA_LS_JAR=… emacs -Q --batch -l test/eglot-test.el
;; The configuration is the one editor-clients/README.md documents for Eglot.  Prints one line per
;; check and "emacs: N passed, M failed"; exits 0 only if all passed.

;; Emacs 29+ has Eglot built in; Emacs 28 takes it from a package (Debian's elpa-eglot, or package.el's)
(require 'package)
(unless (require 'eglot nil t)
  (when (file-directory-p "/usr/share/emacs/site-lisp/elpa")
    (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa"))
  (package-initialize)
  (require 'eglot))
(require 'xref)
(require 'flymake)

(defvar arena-test-wait (/ (string-to-number (or (getenv "ARENA_LS_TEST_WAIT_MS") "20000")) 1000.0))
(defvar arena-test-passed 0)
(defvar arena-test-failed 0)

(defun arena-test-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defmacro arena-test-check (name &rest body)
  (declare (indent 1))
  `(condition-case err
       (progn ,@body
              (setq arena-test-passed (1+ arena-test-passed))
              (arena-test-out "ok - %s" ,name))
     (error (setq arena-test-failed (1+ arena-test-failed))
            (arena-test-out "FAIL - %s: %s" ,name (error-message-string err)))))

(defun arena-test-wait-for (what pred)
  "Run the event loop until PRED is true; signal an error after `arena-test-wait' seconds."
  (let ((deadline (+ (float-time) arena-test-wait)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (unless (funcall pred) (error "timed out after %ss waiting for %s" arena-test-wait what))))

(defun arena-test-finish ()
  (arena-test-out "emacs: %d passed, %d failed" arena-test-passed arena-test-failed)
  (kill-emacs (if (and (= arena-test-failed 0) (> arena-test-passed 0)) 0 1)))

;; ---- the documented configuration (README: Emacs, Eglot) ----
;; Emacs 29+ has typescript-ts-mode; Emacs 28 has no TypeScript mode, so one like the
;; typescript-mode package's is defined here: Eglot sends the languageId "typescript" for it.
(unless (fboundp 'typescript-mode)
  (define-derived-mode typescript-mode js-mode "TypeScript"))
(add-to-list 'auto-mode-alist '("\\.ts\\'" . typescript-mode))
(let ((jar (or (getenv "ARENA_LS_JAR") (error "ARENA_LS_JAR is not set")))
      (java (or (getenv "ARENA_LS_JAVA") "java")))
  (add-to-list 'eglot-server-programs
               `((js-mode typescript-mode) . (,java "-XX:+UseSerialGC" "-jar" ,jar))))

;; ---- a project on disk ----
(defvar arena-test-dir (file-name-as-directory (make-temp-file "arena-ls-eglot-" t)))
(with-temp-file (expand-file-name "package.json" arena-test-dir) (insert "{ \"name\": \"demo\" }\n"))
(make-directory (expand-file-name ".git" arena-test-dir)) ; a project root for project.el
(defvar arena-test-file (expand-file-name "app.ts" arena-test-dir))
(with-temp-file arena-test-file
  (insert "/** Greets someone. */\n"
          "function greet(name: string): string {\n"
          "  return \"hi \" + name;\n"
          "}\n"
          "const message = greet(\"you\");\n"
          "let broken = (1 + ;\n"))

(run-at-time (* 8 arena-test-wait) nil
             (lambda ()
               (arena-test-out "FAIL - the whole test took longer than %ss" (* 8 arena-test-wait))
               (setq arena-test-failed (1+ arena-test-failed))
               (arena-test-finish)))

(find-file arena-test-file)
(defvar arena-test-server nil)
(unless (eq major-mode 'typescript-mode) (error "app.ts opened in %s" major-mode))

(arena-test-check "M-x eglot starts arena-ls for a .ts buffer"
  ;; eglot-ensure (what a hook in a config calls) connects after the next command, and a batch
  ;; Emacs runs none: call the command itself, which takes the server from eglot-server-programs
  (call-interactively #'eglot)
  (arena-test-wait-for "the server" (lambda () (eglot-current-server)))
  (setq arena-test-server (eglot-current-server))
  (unless arena-test-server (arena-test-finish))
  (arena-test-wait-for "initialize" (lambda () (eglot--server-capable :hoverProvider)))
  (unless (equal (plist-get (eglot--server-info arena-test-server) :name) "arena-ls")
    (error "serverInfo: %S" (eglot--server-info arena-test-server))))

;; errors only: hints and warnings (an unused name) may come and go with the server's checks
(defun arena-test-errors ()
  (seq-filter (lambda (d) (eq (flymake-diagnostic-type d) 'eglot-error)) (flymake-diagnostics)))

(arena-test-check "diagnostics reach Flymake at the broken line"
  (arena-test-wait-for "an error diagnostic" (lambda () (arena-test-errors)))
  (let ((lines (mapcar (lambda (d) (line-number-at-pos (flymake-diagnostic-beg d))) (arena-test-errors))))
    (unless (equal lines '(6))
      (error "errors on lines %S: %S" lines (mapcar #'flymake-diagnostic-text (arena-test-errors))))))

(arena-test-check "hover on a call shows the declaration and its JSDoc"
  (goto-char (point-min))
  (search-forward "= greet")
  (backward-char 2)
  (let* ((hover (jsonrpc-request arena-test-server :textDocument/hover
                                 (eglot--TextDocumentPositionParams)))
         (contents (plist-get hover :contents))
         (text (if (stringp contents) contents (plist-get contents :value))))
    (unless (and text (string-match-p "function greet(name: string): string" text)
                 (string-match-p "Greets someone\\." text))
      (error "hover: %S" hover))))

(arena-test-check "xref-find-definitions jumps to the declaration"
  (goto-char (point-min))
  (search-forward "= greet")
  (backward-char 2)
  (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
  (arena-test-wait-for "the jump" (lambda () (= (line-number-at-pos) 2)))
  (unless (looking-at "greet(name") (error "point at %S" (buffer-substring (point) (line-end-position)))))

(arena-test-check "an edit that repairs the file clears the errors"
  (goto-char (point-min))
  (search-forward "(1 + ")
  (insert "2)") ; let broken = (1 + 2);
  ;; Eglot sends didChange from an idle timer, and a batch Emacs is never idle: send it as that timer would
  (eglot--signal-textDocument/didChange)
  (arena-test-wait-for "the errors to clear" (lambda () (null (arena-test-errors)))))

;; ---- code actions as an Eglot user asks for them (Eglot 1.9: `eglot-code-actions' with a kind
;; applies the one action of that kind; its `eglot-code-action-organize-imports' only lists them) ----
(defun arena-test-open (name text)
  "Write NAME with TEXT in the project, visit it (Eglot manages it) and wait for its first diagnostics."
  (let ((file (expand-file-name name arena-test-dir)))
    (with-temp-file file (insert text))
    (find-file file)
    (arena-test-wait-for (concat name " to be managed") (lambda () eglot--managed-mode))
    ;; Flymake starts its backends once Emacs is idle, and a batch Emacs never is: start them as that would
    (flymake-start)
    (arena-test-wait-for (concat "diagnostics of " name) (lambda () (flymake-diagnostics)))))

(defun arena-test-expect-text (expected)
  (unless (equal (buffer-string) expected)
    (error "the buffer is %S, expected %S" (buffer-string) expected)))

(arena-test-check "eglot-code-actions \"source.organizeImports\" sorts, merges and drops the unused import"
  (arena-test-open "imports.ts"
                   (concat "import { zip } from \"zlib-lite\";\n"
                           "import { parse, unusedHelper } from \"csv-kit\";\n"
                           "import { format } from \"csv-kit\";\n\n"
                           "export const row = format(parse(zip(\"a,b\")));\n"))
  (eglot-code-actions (point-min) (point-min) "source.organizeImports" t)
  (arena-test-expect-text (concat "import { format, parse } from \"csv-kit\";\n"
                                  "import { zip } from \"zlib-lite\";\n\n"
                                  "export const row = format(parse(zip(\"a,b\")));\n")))

(arena-test-check "source.fixAll.ts from a before-save-hook: the function made async, the unreachable code gone, on disk"
  (arena-test-open "fixall.ts"
                   (concat "declare function first(): Promise<number>;\n\n"
                           "export function twice(): number {\n"
                           "  const a = await first();\n"
                           "  return a * 2;\n"
                           "}\n"))
  ;; an edit, so that there is something to save: a line after the return
  (goto-char (point-min))
  (search-forward "return a * 2;\n")
  (insert "  console.log(a);\n")
  (eglot--signal-textDocument/didChange) ; what Eglot's idle timer would send
  ;; the hook an Eglot user writes for TypeScript's fix-all on save
  (add-hook 'before-save-hook
            (lambda () (eglot-code-actions (point-min) (point-max) "source.fixAll.ts" t))
            nil t)
  (save-buffer)
  (let ((expected (concat "declare function first(): Promise<number>;\n\n"
                          "export async function twice(): Promise<number> {\n"
                          "  const a = await first();\n"
                          "  return a * 2;\n"
                          "}\n")))
    (arena-test-expect-text expected)
    (unless (equal (let ((file buffer-file-name)) (with-temp-buffer (insert-file-contents file) (buffer-string))) expected)
      (error "the file on disk was saved before the fix"))))

(arena-test-check "eglot-shutdown stops the server"
  (let ((proc (jsonrpc--process arena-test-server)))
    (eglot-shutdown arena-test-server)
    (arena-test-wait-for "the process to end" (lambda () (not (process-live-p proc))))))

(delete-directory arena-test-dir t)
(arena-test-finish)
