import type { Preview } from '@storybook/react';
import { initialize, mswDecorator } from 'msw-storybook-addon';

initialize();

const preview: Preview = {
  decorators: [mswDecorator],
  parameters: {
    mockSession: {
      user: { email: 'storybook@northwind-goods.de' },
      accessToken: 'storybook-token',
    },
  },
};
export default preview;
