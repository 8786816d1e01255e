import { describe, expect, it } from "vitest";
import { activeUsersSummary } from "@/components/dashboard/active-users-summary";

const figures = (perDay: number[], monthly = 0) => ({
  to: "2026-12-07",
  activeUsers: { daily: perDay.at(-1) ?? 0, weekly: 0, monthly },
  days: perDay.map((activeUsers) => ({ activeUsers })),
});

describe("the active users summary", () => {
  it("says nobody was active rather than that zero users were, and reads right for one and for fractions", () => {
    expect(activeUsersSummary(figures([0, 0, 0]))).toMatch(/^No one was active in these 3 days\./);
    expect(activeUsersSummary(figures([1, 1, 1], 1))).toMatch(/^1 user was active on an average day\./);
    expect(activeUsersSummary(figures([1, 0, 0], 1))).toMatch(/^0\.3 users were active on an average day\./);
    expect(activeUsersSummary(figures([1, ...Array(29).fill(0)], 1))).toMatch(/^Fewer than 0\.1 users were active on an average day\./);
  });
});
