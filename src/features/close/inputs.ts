import { z } from "zod";

/**
 * Taking a break, starting again, or closing: closing only once the group has agreed, which the
 * person ticks (agreed "yes").
 */
export const changeInput = z
  .object({
    change: z.enum(["pause", "resume", "close"]),
    agreed: z.string().optional(),
  })
  .superRefine((form, ctx) => {
    if (form.change === "close" && form.agreed !== "yes") {
      ctx.addIssue({ code: "custom", path: ["agreed"], message: "close.errors.agreed" });
    }
  });
