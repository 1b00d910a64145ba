from enum import StrEnum


class InboundCallHandler(StrEnum):
    AI_AGENT = "ai_agent"
    CALL_FLOW = "call_flow"
    DIALOGFLOW = "dialogflow"
    LAML_APPLICATION = "laml_application"
    LAML_WEBHOOKS = "laml_webhooks"
    RELAY_APPLICATION = "relay_application"
    RELAY_CONNECTOR = "relay_connector"
    RELAY_CONTEXT = "relay_context"
    RELAY_SCRIPT = "relay_script"
    RELAY_TOPIC = "relay_topic"
    VIDEO_ROOM = "video_room"

    def __str__(self) -> str:
        return str(self.value)
