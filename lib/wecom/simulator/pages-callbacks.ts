// The start page's callback section: where the simulator calls back, and the last
// deliveries with their outcome, so a demo shows an event leaving the simulator.
import { html } from "hono/html";
import { SIM_APPS } from "./seed-data.js";
import type { SimState } from "./state.js";

const OUTCOME = { pending: "发送中", success: "成功", failed: "失败" } as const;

export function callbacksSection(state: SimState) {
  const apps = [...state.callbacks.apps.values()].map((c) => ({
    name:
      SIM_APPS.find((a) => a.corpId === c.corpId && a.agentId === c.agentId)?.name ??
      `${c.corpId} / ${c.agentId}`,
    url: c.url,
  }));
  const suites = [...state.callbacks.suites.values()].map((c) => ({
    name: `套件 ${c.suiteId}（指令回调）`,
    url: c.url,
  }));
  const configured = [...apps, ...suites];
  const recent = state.sender.log.slice(-20).reverse();
  return html`<h2>事件回调</h2>
    ${
      configured.length
        ? html`<table>
            <tr>
              <th>接收方</th>
              <th>回调 URL</th>
            </tr>
            ${configured.map(
              (r) =>
                html`<tr>
                  <td>${r.name}</td>
                  <td>${r.url}</td>
                </tr>`,
            )}
          </table>`
        : html`<p class="muted">没有设置回调（POST /__sim/callbacks）。</p>`
    }
    <h3>最近回调</h3>
    ${
      recent.length
        ? html`<table>
            <tr>
              <th>#</th>
              <th>时间</th>
              <th>事件</th>
              <th>会议</th>
              <th>第几次</th>
              <th>结果</th>
              <th>耗时</th>
            </tr>
            ${recent.map(
              (a) =>
                html`<tr>
                  <td>${a.id}</td>
                  <td>${a.time}</td>
                  <td>
                    ${a.event}${a.tamper ? `（篡改：${a.tamper}）` : ""}${
                      a.replay_of ? `（重放 #${a.replay_of}）` : ""
                    }
                  </td>
                  <td>${a.meetingid ?? ""}</td>
                  <td>${a.attempt}/${a.of}</td>
                  <td>
                    ${OUTCOME[a.outcome]}${a.status ? ` · HTTP ${a.status}` : ""}${
                      a.error ? ` · ${a.error}` : ""
                    }
                  </td>
                  <td>${a.duration_ms === null ? "" : `${a.duration_ms} ms`}</td>
                </tr>`,
            )}
          </table>`
        : html`<p class="muted">还没有发送过回调。</p>`
    }`;
}
