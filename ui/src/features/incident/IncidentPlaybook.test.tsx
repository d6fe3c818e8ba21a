import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as api from "../../lib/api";
import { contentBackend, resetContentBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";
import { IncidentPlaybook } from "./IncidentPlaybook";

vi.mock("../../lib/api");
const mocked = vi.mocked(api);

describe("incident playbook", () => {
  beforeEach(() => {
    resetContentBackend();
    contentBackend.contacts = [{ id: "c1", step: "escalate", name: "Mariko", role: "Owner", phone: "090-1", email: "", notes: "Call, do not message." }];
  });

  it("shows verify → escalate → respond with their contacts, adds one with a field error first, and removes one", async () => {
    const { user } = renderWithProviders(<IncidentPlaybook />);
    const escalate = await screen.findByTestId("incident-step-escalate");
    expect(within(escalate).getByText("Mariko")).toBeInTheDocument();
    expect(within(screen.getByTestId("incident-step-verify")).getByText(/No one yet/)).toBeInTheDocument();

    const respond = screen.getByTestId("incident-step-respond");
    await user.click(within(respond).getByTestId("incident-add-respond"));
    await user.type(within(respond).getByTestId("incident-name"), "Ken");
    await user.click(within(respond).getByTestId("incident-save"));
    expect(await within(respond).findByText("Add a phone number or an email address.")).toBeInTheDocument();
    await user.type(within(respond).getByTestId("incident-email"), "ken@example.com");
    await user.click(within(respond).getByTestId("incident-save"));
    await waitFor(() => expect(within(screen.getByTestId("incident-step-respond")).getByText("Ken")).toBeInTheDocument());
    expect(mocked.saveIncidentContact).toHaveBeenLastCalledWith(null, expect.objectContaining({ step: "respond", name: "Ken" }));

    await user.click(screen.getByTestId("incident-delete-c1"));
    await waitFor(() => expect(screen.queryByText("Mariko")).not.toBeInTheDocument());
  });
});
