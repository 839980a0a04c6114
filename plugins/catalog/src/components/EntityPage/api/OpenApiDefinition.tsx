import Box from '@mui/material/Box';
import SwaggerUI from 'swagger-ui-react';
import 'swagger-ui-react/swagger-ui.css';

/** Swagger UI over an OpenAPI document given as YAML or JSON text. */
export function OpenApiDefinition(props: { definition: string }) {
  return (
    <Box
      sx={{ '& .swagger-ui .info': { my: 2 }, bgcolor: '#fff', color: '#3b4151', borderRadius: 1 }}
    >
      <SwaggerUI spec={props.definition} supportedSubmitMethods={[]} />
    </Box>
  );
}
