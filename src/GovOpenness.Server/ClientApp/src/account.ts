// Signing in and out: the Chinese sign-in form (账号, 密码, 登录) is all a signed-out visitor sees.

import { ApiError, api, AccountView } from "./api.js";
import { el } from "./dom.js";

/** The signed-in account, or undefined when the server answers 401. */
export async function currentAccount(): Promise<AccountView | undefined> {
  try {
    return await api.me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return undefined;
    throw error;
  }
}

/** Shows the sign-in form and resolves with the account once the server accepted the credentials. */
export function signIn(root: HTMLElement): Promise<AccountView> {
  return new Promise((resolve) => {
    const account = el("input", { id: "signin-account", name: "account", autocomplete: "username", required: true });
    const password = el("input", { id: "signin-password", name: "password", type: "password", autocomplete: "current-password", required: true });
    const error = el("p", { class: "error", role: "alert" });
    const button = el("button", { type: "submit" }, "登录");
    const form = el(
      "form",
      { class: "signin", "aria-labelledby": "signin-title" },
      el("h2", { id: "signin-title" }, "登录"),
      el("label", { for: "signin-account" }, "账号"),
      account,
      el("label", { for: "signin-password" }, "密码"),
      password,
      button,
      error,
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      button.disabled = true;
      error.textContent = "";
      try {
        const signedIn = await api.login(account.value, password.value);
        root.replaceChildren();
        root.hidden = true;
        resolve(signedIn);
      } catch (failure) {
        error.textContent = failure instanceof ApiError ? failure.message : "登录失败，请重试";
        password.value = "";
        password.focus();
      } finally {
        button.disabled = false;
      }
    });
    root.replaceChildren(form);
    root.hidden = false;
    account.focus();
  });
}

/** The header's account line: who is signed in, for which body, and 退出. */
export function accountBar(root: HTMLElement, account: AccountView): void {
  const signOut = el("button", { type: "button", id: "signout" }, "退出");
  signOut.addEventListener("click", async () => {
    signOut.disabled = true;
    try {
      await api.logout();
    } finally {
      window.location.reload();
    }
  });
  root.replaceChildren(el("span", { class: "who" }, `${account.account}（${account.bodyName ?? account.bodyId}）`), " ", signOut);
  root.hidden = false;
}
