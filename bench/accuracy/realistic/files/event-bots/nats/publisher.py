import asyncio

import nats


async def main():
    nc = await nats.connect(
        "nats://nats.staging.northwind.local:4222",
        nkeys_seed_str="{{gen:nkey-seed:py-publisher}}",
    )
    await nc.publish("orders.created", b'{"id": 1}')
    await nc.drain()


asyncio.run(main())
