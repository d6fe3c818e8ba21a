import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { SAMPLE_WORKSPACE, fakeBackend, savePersona } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";

vi.mock("../../lib/api");

async function openPersonas() {
  const rendered = renderWithProviders(<App />);
  await rendered.user.click(await screen.findByTestId("nav-personas"));
  await screen.findByTestId("page-personas");
  return rendered;
}

describe("personas", () => {
  beforeEach(() => {
    fakeBackend.workspace = SAMPLE_WORKSPACE;
    fakeBackend.objectives = [];
    fakeBackend.personas = [];
  }, 20_000);

  it("builds a persona step by step with interview evidence", async () => {
    const { user } = await openPersonas();
    expect(screen.getByText("Picture your customer")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Build a persona step by step" }));

    expect(screen.getByTestId("wizard-step")).toHaveTextContent("Step 1 of 5: Basics");
    await user.type(screen.getByLabelText("Name"), "Weekend Yuki");
    await user.type(screen.getByLabelText("In their words"), "Saturday starts with warm bread.");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByTestId("wizard-step")).toHaveTextContent("Step 2 of 5: Demographics");
    await user.type(screen.getByLabelText("Age range"), "32–40");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.type(screen.getByLabelText("Pain points"), "Sold out by 11{Enter}Queues");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("button", { name: "Add platform" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByTestId("wizard-step")).toHaveTextContent("Step 5 of 5: Evidence");
    await user.click(screen.getByRole("button", { name: "Add evidence" }));
    expect(screen.getByLabelText("Source")).toHaveValue("interview");
    await user.type(screen.getByLabelText("What you learned"), "Talked with 4 regulars");
    await user.click(screen.getByRole("button", { name: "Save persona" }));

    expect(await screen.findByText("Persona saved.")).toBeInTheDocument();
    const card = await screen.findByTestId("persona-card");
    expect(within(card).getByRole("heading", { name: "Weekend Yuki" })).toBeInTheDocument();
    expect(within(card).getByText("WY")).toBeInTheDocument();
    expect(within(card).queryByTestId("persona-hypothesis")).not.toBeInTheDocument();
    expect(savePersona).toHaveBeenCalledWith(
      expect.objectContaining({
        name: "Weekend Yuki",
        psychographics: expect.objectContaining({ painPoints: ["Sold out by 11", "Queues"] }),
        socialUsage: [expect.objectContaining({ platform: "instagram", frequency: "daily" })],
        evidence: [expect.objectContaining({ kind: "interview", note: "Talked with 4 regulars" })],
      }),
    );
  }, 20_000);

  it("sends a first-timer back to the name when it is missing", async () => {
    const { user } = await openPersonas();
    await user.click(screen.getByRole("button", { name: "Build a persona step by step" }));
    for (let i = 0; i < 4; i++) await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("button", { name: "Save persona" }));
    const name = await screen.findByLabelText("Name");
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(name).toHaveAccessibleDescription(/Give the persona a name/);
  }, 20_000);

  it("starts from an industry template, marked as a hypothesis", async () => {
    const { user } = await openPersonas();
    await user.selectOptions(screen.getByLabelText("Start from an industry template"), "cafe_bakery");
    await user.click(screen.getByRole("button", { name: "Use template" }));
    expect(await screen.findByDisplayValue("Neighbourhood regular")).toBeInTheDocument();
    expect(screen.getByLabelText("Source")).toHaveValue("assumption");
    await user.click(screen.getByRole("button", { name: "Save persona" }));
    const card = await screen.findByTestId("persona-card");
    expect(within(card).getByTestId("persona-hypothesis")).toHaveTextContent(
      "Hypothesis — validate with 3–5 customer interviews",
    );
  }, 20_000);

  it("duplicates, archives and deletes with confirmation", async () => {
    const { user } = await openPersonas();
    await user.click(screen.getByRole("button", { name: "Use template" }));
    await user.click(await screen.findByRole("button", { name: "Save persona" }));
    await user.click(await screen.findByRole("button", { name: "Duplicate" }));
    await waitFor(() => expect(screen.getAllByTestId("persona-card")).toHaveLength(2));
    expect(screen.getByRole("heading", { name: "Neighbourhood regular (copy)" })).toBeInTheDocument();

    const [first] = screen.getAllByTestId("persona-card");
    await user.click(within(first!).getByRole("button", { name: "Archive" }));
    expect(await within(first!).findByText("Archived")).toBeInTheDocument();

    await user.click(within(first!).getByRole("button", { name: "Delete" }));
    await user.click(within(first!).getByRole("button", { name: "Delete persona" }));
    await waitFor(() => expect(screen.getAllByTestId("persona-card")).toHaveLength(1));
  }, 20_000);

  it("prints one persona card through the WebView's print dialog", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    const { user } = await openPersonas();
    await user.click(screen.getByRole("button", { name: "Use template" }));
    await user.click(await screen.findByRole("button", { name: "Save persona" }));
    const card = await screen.findByTestId("persona-card");
    await user.click(within(card).getByRole("button", { name: "Print / Save as PDF" }));
    expect(card).toHaveClass("persona-card--printing");
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(card).not.toHaveClass("persona-card--printing"));
    print.mockRestore();
  }, 20_000);

  it("reorders personas from the keyboard", async () => {
    const { user } = await openPersonas();
    await user.click(screen.getByRole("button", { name: "Use template" }));
    await user.click(await screen.findByRole("button", { name: "Save persona" }));
    await user.click(await screen.findByRole("button", { name: "Duplicate" }));
    await waitFor(() => expect(screen.getAllByTestId("persona-card")).toHaveLength(2));
    const down = screen.getByRole("button", { name: "Move Neighbourhood regular down" });
    down.focus();
    await user.keyboard("{Enter}");
    await waitFor(() =>
      expect(within(screen.getAllByTestId("persona-card")[0]!).getByRole("heading")).toHaveTextContent(
        "Neighbourhood regular (copy)",
      ),
    );
  }, 20_000);

  it("reads naturally in Japanese", async () => {
    fakeBackend.workspace = { ...SAMPLE_WORKSPACE, language: "ja" };
    const { user } = await openPersonas();
    await user.click(screen.getByRole("button", { name: "ステップごとにペルソナを作る" }));
    expect(screen.getByTestId("wizard-step")).toHaveTextContent("ステップ 1／5：基本");
    expect(screen.getByLabelText("名前")).toBeInTheDocument();
  }, 20_000);
});
