import type { FastifyInstance } from "fastify";
import { htmlDoor } from "../../../infra/actions/html-door.js";
import { removePasskeyAction } from "./actions.js";

/** The account page's passkey buttons (adding one is the script's, through the API). */
export async function passkeyPages(app: FastifyInstance) {
  htmlDoor(app, removePasskeyAction, {
    done: () => ({ to: "/account", flash: "account.passkeyRemovedFlash" }),
  });
}
